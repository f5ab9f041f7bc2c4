//! Deciding whether one run of a test passed.
//!
//! How pass/fail is decided (per run; a test file passes only if every run of it passes):
//!
//! - The run did not finish within the time limit, was killed by a signal (a crash: stack
//!   overflow, abort, ...), or exited with a code other than 0 or 1 (jsgen's internal error 70,
//!   a Rust panic 101, unreadable file 2, ...): **fail**.
//! - Positive test (no `negative:`): **pass** iff the exit code is 0. An `async` test must also
//!   print a line `Test262:AsyncTestComplete` on stdout and no line starting with
//!   `Test262:AsyncTestFailure`.
//! - `negative: {phase: parse}` (or the older `early`): **pass** iff the exit code is 1,
//!   stderr reports a syntax error (a line containing `<type>:`, e.g. `SyntaxError:`, and no
//!   `Uncaught ` — which would mean the error was thrown while running, not while parsing),
//!   nothing was printed on stdout (the script must not have started), and, when the
//!   diagnostic's location can be read (`[file:LINE:COL]`), it is inside the test's own text
//!   rather than in the harness/prelude prepended to it.
//! - `negative: {phase: runtime}` (and `resolution`, which only module tests use): **pass**
//!   iff the exit code is 1 and stderr contains `Uncaught <type>` followed by a non-identifier
//!   character (so `Uncaught TypeError: ...` matches `TypeError` but not `Type`).

/// How a jsgen process ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Exited normally with this code.
    Exit(i32),
    /// Killed by a signal (or no exit code available).
    Signal(String),
    /// Exceeded the time limit and was killed.
    Timeout(f64),
    /// The process could not be started.
    SpawnError(String),
}

/// The observed behaviour of one run.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub status: Status,
    pub stdout: String,
    pub stderr: String,
}

/// What the test expects.
#[derive(Debug, Clone, Copy)]
pub struct Expect<'a> {
    /// `(phase, type)` of a negative test.
    pub negative: Option<(&'a str, &'a str)>,
    pub is_async: bool,
    /// Number of lines the runner prepended to the test text ("use strict", prelude, harness).
    pub prefix_lines: usize,
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// True if `hay` contains `needle` not followed by an identifier character.
fn contains_word(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let end = from + i + needle.len();
        match hay[end..].chars().next() {
            Some(c) if is_ident_char(c) => from = from + i + 1,
            _ => return true,
        }
    }
    false
}

/// The most informative line of stderr (the error headline), shortened. A headline that opens
/// an inspected object (`Uncaught Test262Error {`) is joined with the object's lines.
pub fn headline(stderr: &str) -> String {
    let clean = |l: &str| -> String {
        l.trim()
            .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '$' && c != '_' && c != '}')
            .trim()
            .to_string()
    };
    let lines: Vec<&str> = stderr.lines().collect();
    let pick = lines
        .iter()
        .position(|l| l.contains("Uncaught") || l.contains("Error") || l.contains("panicked"))
        .or_else(|| lines.iter().position(|l| !l.trim().is_empty()));
    let Some(i) = pick else { return String::new() };
    let mut text = clean(lines[i]);
    if text.ends_with('{') {
        for l in &lines[i + 1..] {
            let part = clean(l);
            text.push(' ');
            text.push_str(&part);
            if part.starts_with('}') || text.len() > 400 {
                break;
            }
        }
    }
    shorten(&text, 200)
}

pub fn shorten(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

/// The line number of the first diagnostic location `[file:LINE:COL]` in stderr, if any.
fn diagnostic_line(stderr: &str) -> Option<usize> {
    for line in stderr.lines() {
        let Some(open) = line.find('[') else { continue };
        let rest = &line[open + 1..];
        let Some(close) = rest.find(']') else {
            continue;
        };
        let inner = &rest[..close];
        let mut parts = inner.rsplitn(3, ':');
        let col = parts.next()?;
        let ln = parts.next()?;
        if parts.next().is_some() && col.parse::<usize>().is_ok() {
            if let Ok(n) = ln.parse::<usize>() {
                return Some(n);
            }
        }
    }
    None
}

/// Decides one run: `Ok(())` for a pass, `Err(reason)` for a failure.
pub fn judge(expect: &Expect<'_>, out: &Outcome) -> Result<(), String> {
    let code = match &out.status {
        Status::Exit(c) => *c,
        Status::Timeout(secs) => return Err(format!("timeout after {secs}s")),
        Status::Signal(s) => return Err(format!("crashed ({s}): {}", headline(&out.stderr))),
        Status::SpawnError(e) => return Err(format!("could not start jsgen: {e}")),
    };
    if code != 0 && code != 1 {
        return Err(format!(
            "crashed (exit code {code}): {}",
            headline(&out.stderr)
        ));
    }
    match expect.negative {
        None => {
            if code != 0 {
                return Err(headline(&out.stderr));
            }
            if expect.is_async {
                let mut complete = false;
                for l in out.stdout.lines() {
                    let l = l.trim_end();
                    if l.starts_with("Test262:AsyncTestFailure") {
                        return Err(shorten(l, 200));
                    }
                    if l == "Test262:AsyncTestComplete" {
                        complete = true;
                    }
                }
                if !complete {
                    let why = headline(&out.stderr);
                    return Err(if why.is_empty() {
                        "async test did not print Test262:AsyncTestComplete".into()
                    } else {
                        format!("async test did not print Test262:AsyncTestComplete; stderr: {why}")
                    });
                }
            }
            Ok(())
        }
        Some((phase, ty)) if phase == "parse" || phase == "early" => {
            if code == 0 {
                return Err(format!(
                    "expected a {ty} at parse time, but the script ran to completion"
                ));
            }
            let reported = out
                .stderr
                .lines()
                .any(|l| contains_word(l, &format!("{ty}:")) || l.trim_end().ends_with(ty));
            if out.stderr.contains("Uncaught ") || !reported {
                return Err(format!(
                    "expected a {ty} at parse time, got: {}",
                    headline(&out.stderr)
                ));
            }
            if !out.stdout.trim().is_empty() {
                return Err(format!(
                    "expected a {ty} at parse time, but the script printed output"
                ));
            }
            if let Some(line) = diagnostic_line(&out.stderr) {
                if line <= expect.prefix_lines {
                    return Err(format!(
                        "{ty} reported at line {line}, inside the harness prepended to the test (first test line is {})",
                        expect.prefix_lines + 1
                    ));
                }
            }
            Ok(())
        }
        Some((_, ty)) => {
            if code == 0 {
                return Err(format!(
                    "expected an uncaught {ty}, but the script ran to completion"
                ));
            }
            if contains_word(&out.stderr, &format!("Uncaught {ty}")) {
                Ok(())
            } else {
                Err(format!(
                    "expected an uncaught {ty}, got: {}",
                    headline(&out.stderr)
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(code: i32, stdout: &str, stderr: &str) -> Outcome {
        Outcome {
            status: Status::Exit(code),
            stdout: stdout.into(),
            stderr: stderr.into(),
        }
    }
    const POS: Expect<'static> = Expect {
        negative: None,
        is_async: false,
        prefix_lines: 10,
    };
    const ASYNC: Expect<'static> = Expect {
        negative: None,
        is_async: true,
        prefix_lines: 10,
    };
    const PARSE: Expect<'static> = Expect {
        negative: Some(("parse", "SyntaxError")),
        is_async: false,
        prefix_lines: 10,
    };
    const RUNTIME: Expect<'static> = Expect {
        negative: Some(("runtime", "TypeError")),
        is_async: false,
        prefix_lines: 10,
    };

    #[test]
    fn positive() {
        assert!(judge(&POS, &out(0, "", "")).is_ok());
        assert!(judge(&POS, &out(1, "", "Uncaught Test262Error: boom")).is_err());
        assert!(judge(&POS, &out(101, "", "thread panicked")).is_err());
        let t = Outcome {
            status: Status::Timeout(10.0),
            stdout: String::new(),
            stderr: String::new(),
        };
        assert!(judge(&POS, &t).is_err());
        let s = Outcome {
            status: Status::Signal("signal 11".into()),
            stdout: String::new(),
            stderr: String::new(),
        };
        assert!(judge(&POS, &s).is_err());
    }

    #[test]
    fn asynchronous() {
        assert!(judge(&ASYNC, &out(0, "Test262:AsyncTestComplete\n", "")).is_ok());
        assert!(judge(&ASYNC, &out(0, "", "")).is_err());
        assert!(judge(
            &ASYNC,
            &out(0, "Test262:AsyncTestFailure:Test262Error: x\n", "")
        )
        .is_err());
        assert!(judge(
            &ASYNC,
            &out(
                0,
                "Test262:AsyncTestComplete\nTest262:AsyncTestFailure: y\n",
                ""
            )
        )
        .is_err());
        assert!(judge(
            &ASYNC,
            &out(1, "Test262:AsyncTestComplete\n", "Uncaught Error")
        )
        .is_err());
    }

    #[test]
    fn parse_negative() {
        let ok = "  × SyntaxError: Unexpected token\n   ╭─[/tmp/t.js:12:5]\n";
        assert!(judge(&PARSE, &out(1, "", ok)).is_ok());
        assert!(judge(&PARSE, &out(1, "", "SyntaxError: x")).is_ok());
        assert!(judge(&PARSE, &out(0, "", "")).is_err());
        assert!(judge(
            &PARSE,
            &out(1, "", "Uncaught SyntaxError: thrown at runtime")
        )
        .is_err());
        assert!(judge(&PARSE, &out(1, "", "Uncaught Test262Error: should not run")).is_err());
        assert!(judge(&PARSE, &out(1, "printed\n", ok)).is_err());
        let in_harness = "  × SyntaxError: Unexpected token\n   ╭─[/tmp/t.js:3:1]\n";
        assert!(judge(&PARSE, &out(1, "", in_harness)).is_err());
    }

    #[test]
    fn runtime_negative() {
        assert!(judge(&RUNTIME, &out(1, "", "Uncaught TypeError: not a function")).is_ok());
        assert!(judge(&RUNTIME, &out(1, "", "Uncaught TypeError\n")).is_ok());
        assert!(judge(&RUNTIME, &out(1, "", "Uncaught RangeError: x")).is_err());
        assert!(judge(&RUNTIME, &out(1, "", "SyntaxError: x")).is_err());
        assert!(judge(&RUNTIME, &out(0, "", "")).is_err());
        let t262 = Expect {
            negative: Some(("runtime", "Test262Error")),
            is_async: false,
            prefix_lines: 0,
        };
        assert!(judge(
            &t262,
            &out(1, "", "Uncaught Test262Error {\n  message: 'x'\n}")
        )
        .is_ok());
        assert!(judge(&t262, &out(1, "", "Uncaught Test262ErrorX: x")).is_err());
    }

    #[test]
    fn headlines() {
        let e = "  × Uncaught Test262Error {\n  │   message: 'Expected SameValue(«1», «2») to be true'\n  │ }\n    ╭─[/tmp/h2.js:93:3]\n";
        assert_eq!(
            headline(e),
            "Uncaught Test262Error { message: 'Expected SameValue(«1», «2») to be true' }"
        );
        assert_eq!(
            headline("  × SyntaxError: Unexpected token ';'\n   ╭─[/tmp/se.js:1:9]\n"),
            "SyntaxError: Unexpected token ';'"
        );
        assert_eq!(headline(""), "");
    }

    #[test]
    fn diagnostic_location() {
        assert_eq!(
            diagnostic_line("  × SyntaxError: x\n   ╭─[/tmp/a b.js:42:7]\n"),
            Some(42)
        );
        assert_eq!(diagnostic_line("no location"), None);
    }
}
