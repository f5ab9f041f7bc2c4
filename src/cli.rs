//! The command line, parsed as `node` parses its own: options first, then the script, and
//! every word after the script is the script's (`process.argv`). Hand-written rather than
//! clap's because Node's rules differ from a usage-driven parser's: an unknown option is one
//! line and exit code 9 (`bad option`), `-pe CODE` combines short flags, `-` is the script
//! read from stdin, and `--` ends the options.

/// How code given with `-e`/`-p` or on stdin is read (`--input-type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputType {
    /// An ES module.
    Module,
    /// A CommonJS script (no module detection).
    CommonJs,
}

/// What the command line asks for.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Options {
    /// `-e CODE` / `-p CODE`: the code to run instead of a file.
    pub eval: Option<String>,
    /// `-p`: print the result of the code (at exit, as Node does).
    pub print: bool,
    /// `-c`: check the script's syntax without running it.
    pub check: bool,
    /// `-i`: start the REPL (after running `-e` code, if any).
    pub interactive: bool,
    /// `-v` / `--version`.
    pub version: bool,
    /// `-h` / `--help`.
    pub help: bool,
    /// `--watch`: rerun the script when it changes.
    pub watch: bool,
    /// `--input-type=module|commonjs` for `-e` and stdin.
    pub input_type: Option<InputType>,
    /// `--virtual-time`: timers on a virtual clock.
    pub virtual_time: bool,
    /// `--global-script`: run a file as global code (test262).
    pub global_script: bool,
    /// `--module-file`: run the file as an ES module, and every file it imports as one
    /// (test262's module tests, whatever their extension).
    pub module_file: bool,
    /// `--preload-script=FILE`: global code run before the main program (test262's
    /// harness for module tests).
    pub preload_script: Option<String>,
    /// `--imports-from=PATH`: `import()` in the script resolves as if the script were PATH,
    /// and every imported file is an ES module (test262 scripts importing `_FIXTURE`s).
    pub imports_from: Option<String>,
    /// `--unhandled-rejections=MODE`.
    pub unhandled_rejections: Option<String>,
    /// `--timeout=MS`: wall-clock budget of the whole run, timers included.
    pub timeout_ms: Option<u64>,
    /// `--max-output=BYTES`: stdout and stderr together.
    pub max_output: Option<usize>,
    /// `--stack-size=KB`: Node's V8 stack size, as a call depth.
    pub stack_size_kb: Option<u64>,
    /// `--max-old-space-size=MB`: the heap limit.
    pub max_old_space_mb: Option<u64>,
    /// `--sandbox`: for untrusted code (REPL file commands off, default limits).
    pub sandbox: bool,
    /// `--permission`: Node's permission model (the file system limited to the grants).
    pub permission: bool,
    /// `--allow-fs-read=LIST` values (each a comma-separated list of paths, `*`).
    pub allow_fs_read: Vec<String>,
    /// `--allow-child-process`.
    pub allow_child_process: bool,
    /// `--allow-fs-write=LIST` values.
    pub allow_fs_write: Vec<String>,
    /// `--env-file=PATH` and `--env-file-if-exists=PATH`, in order: (path, optional).
    pub env_files: Vec<(String, bool)>,
    /// `-r`/`--require MODULE`, in order: CommonJS modules loaded before the program.
    pub preload_modules: Vec<String>,
    /// `--no-warnings`: process warnings are not printed (the `'warning'` event still fires).
    pub no_warnings: bool,
    /// `--no-deprecation`: `process.noDeprecation` (deprecation warnings are not emitted).
    pub no_deprecation: bool,
    /// `--trace-warnings`: warnings print their stack.
    pub trace_warnings: bool,
    /// `--trace-deprecation`: deprecation warnings print their stack.
    pub trace_deprecation: bool,
    /// `--throw-deprecation`: a deprecation warning is thrown.
    pub throw_deprecation: bool,
    /// `--title=TITLE`: `process.title`.
    pub title: Option<String>,
    /// The script: a path, or `-` for stdin.
    pub script: Option<String>,
    /// The script's arguments (`process.argv` after the script).
    pub args: Vec<String>,
}

/// A command line Node would refuse (exit code 9, as Node's `bad option`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CliError {
    /// An option jsgen does not know.
    BadOption(String),
    /// An option that needs a value got none.
    MissingArgument(String),
    /// `--input-type` with another value.
    BadInputType,
    /// A value an option does not accept.
    BadValue { option: String, value: String },
    /// Two options that exclude each other.
    Conflict(&'static str),
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::BadOption(o) => write!(f, "bad option: {o}"),
            CliError::MissingArgument(o) => write!(f, "{o} requires an argument"),
            CliError::BadInputType => f.write_str(
                "--input-type must be \"module\",\"commonjs\", \"module-typescript\" or \"commonjs-typescript\"",
            ),
            CliError::BadValue { option, value } => {
                write!(f, "invalid value for {option}: {value}")
            }
            CliError::Conflict(m) => f.write_str(m),
        }
    }
}

/// Parses the words after the program name.
pub fn parse(words: impl IntoIterator<Item = String>) -> Result<Options, CliError> {
    let mut o = Options::default();
    let mut words = words.into_iter();
    let mut rest = Vec::new();
    while let Some(w) = words.next() {
        if w == "--" {
            rest.extend(words.by_ref());
            break;
        }
        if w == "-" || !w.starts_with('-') {
            rest.push(w);
            rest.extend(words.by_ref());
            break;
        }
        if let Some(long) = w.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            let mut value = |o: &str| -> Result<String, CliError> {
                match &inline {
                    Some(v) => Ok(v.clone()),
                    None => words
                        .next()
                        .ok_or_else(|| CliError::MissingArgument(o.to_string())),
                }
            };
            match name {
                "eval" => o.eval = Some(value("--eval")?),
                "print" => {
                    o.print = true;
                    if let Some(v) = inline.clone() {
                        o.eval = Some(v);
                    } else if o.eval.is_none() {
                        o.eval = words.next();
                    }
                }
                "check" => o.check = true,
                "interactive" => o.interactive = true,
                "version" => o.version = true,
                "help" => o.help = true,
                "watch" => o.watch = true,
                "virtual-time" => o.virtual_time = true,
                "global-script" => o.global_script = true,
                "module-file" => o.module_file = true,
                "preload-script" => o.preload_script = Some(value("--preload-script")?),
                "imports-from" => o.imports_from = Some(value("--imports-from")?),
                "input-type" => {
                    o.input_type = Some(match value("--input-type")?.as_str() {
                        "module" => InputType::Module,
                        "commonjs" => InputType::CommonJs,
                        _ => return Err(CliError::BadInputType),
                    })
                }
                "unhandled-rejections" => {
                    o.unhandled_rejections = Some(value("--unhandled-rejections")?)
                }
                "timeout" => o.timeout_ms = Some(number(&w, value("--timeout")?)?),
                "max-output" => o.max_output = Some(number(&w, value("--max-output")?)? as usize),
                "stack-size" => o.stack_size_kb = Some(number(&w, value("--stack-size")?)?),
                "max-old-space-size" => {
                    o.max_old_space_mb = Some(number(&w, value("--max-old-space-size")?)?)
                }
                "sandbox" => o.sandbox = true,
                "permission" | "experimental-permission" => o.permission = true,
                "allow-fs-read" => o.allow_fs_read.push(value("--allow-fs-read")?),
                "allow-fs-write" => o.allow_fs_write.push(value("--allow-fs-write")?),
                "allow-child-process" => o.allow_child_process = true,
                "env-file" => o.env_files.push((value("--env-file")?, false)),
                "require" => o.preload_modules.push(value("--require")?),
                "no-warnings" => o.no_warnings = true,
                "no-deprecation" => o.no_deprecation = true,
                "trace-warnings" => o.trace_warnings = true,
                "trace-deprecation" => o.trace_deprecation = true,
                "throw-deprecation" => o.throw_deprecation = true,
                "title" => o.title = Some(value("--title")?),
                // jsgen runs the source as written and its stack traces point into it:
                // there are no generated files whose maps would matter.
                "enable-source-maps" => {}
                "env-file-if-exists" => o.env_files.push((value("--env-file-if-exists")?, true)),
                _ => return Err(CliError::BadOption(w.clone())),
            }
            continue;
        }
        // A cluster of short flags: `-pe CODE`, `-i`.
        let flags: Vec<char> = w[1..].chars().collect();
        for (i, c) in flags.iter().enumerate() {
            let last = i + 1 == flags.len();
            match c {
                'e' | 'p' => {
                    if *c == 'p' {
                        o.print = true;
                    }
                    if *c == 'e' || last {
                        if !last {
                            return Err(CliError::BadOption(w.clone()));
                        }
                        match words.next() {
                            Some(code) => o.eval = Some(code),
                            None if *c == 'p' => {}
                            None => return Err(CliError::MissingArgument(format!("-{c}"))),
                        }
                    }
                }
                'r' => {
                    if !last {
                        return Err(CliError::BadOption(w.clone()));
                    }
                    match words.next() {
                        Some(m) => o.preload_modules.push(m),
                        None => return Err(CliError::MissingArgument("-r".into())),
                    }
                }
                'c' => o.check = true,
                'i' => o.interactive = true,
                'v' => o.version = true,
                'h' => o.help = true,
                _ => return Err(CliError::BadOption(w.clone())),
            }
        }
    }
    if o.check && o.eval.is_some() {
        return Err(CliError::Conflict(
            "either --check or --eval can be used, not both",
        ));
    }
    if o.eval.is_some() {
        // `jsgen -e CODE a b`: every positional word is a script argument.
        o.args = rest;
    } else {
        let mut rest = rest.into_iter();
        o.script = rest.next();
        o.args = rest.collect();
    }
    Ok(o)
}

/// A positive integer option value.
fn number(option: &str, v: String) -> Result<u64, CliError> {
    match v.trim().parse::<u64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(CliError::BadValue {
            option: option.split('=').next().unwrap_or(option).to_string(),
            value: v,
        }),
    }
}

/// `jsgen --help`.
pub const USAGE: &str = "\
Usage: jsgen [options] [ script.js | - ] [arguments]
       jsgen -e CODE [arguments]

jsgen runs JavaScript as Node.js runs it and prints exactly what Node prints.
With no script it starts the REPL (on a terminal) or runs standard input.

Options:
  -e, --eval CODE                evaluate CODE
  -p, --print [CODE]             evaluate CODE and print its result
  -c, --check                    check the script's syntax without running it
  -i, --interactive              start the REPL (after -e CODE, if given)
  -v, --version                  print jsgen's version
  -h, --help                     print this help
  --input-type=module|commonjs   how -e code and standard input are read
  --watch                        rerun the script whenever it changes
  --virtual-time                 run timers on a virtual clock: same order, no sleeping
  --unhandled-rejections=MODE    throw (default), strict, warn, warn-with-error-code or none
  --global-script                run the file as global code instead of a CommonJS module
  --module-file                  run the file, and every file it imports, as an ES module
  --preload-script=FILE          run FILE as global code before the program
  --imports-from=PATH            import() in the script resolves from PATH, and every
                                 imported file is an ES module (test262)
  -r, --require MODULE           load the CommonJS MODULE (resolved from the working
                                 directory) before the program (repeatable)
  --no-warnings                  do not print process warnings
  --no-deprecation               do not emit deprecation warnings
  --trace-warnings               print process warnings with their stack
  --trace-deprecation            print deprecation warnings with their stack
  --throw-deprecation            throw deprecation warnings as errors
  --title=TITLE                  set process.title
  --enable-source-maps           accepted for Node's command lines (no effect in jsgen)
  --env-file=FILE                add FILE's variables (.env syntax) to the environment;
                                 variables already set win (repeatable)
  --env-file-if-exists=FILE      the same, skipping a missing FILE

Limits (for hosts running untrusted code; see the README's security model):
  --timeout=MS                   stop the whole run after MS milliseconds (exit 124)
  --max-output=BYTES             drop output past BYTES of stdout and stderr (one notice)
  --stack-size=KB                V8's stack size, as a call depth (default 984)
  --max-old-space-size=MB        heap limit: past it the run ends as Node's out-of-memory
                                 crash does (exit 134)
  --sandbox                      no file system access (Node's permission error), an
                                 empty process.env, no terminal stdin; REPL .load/.save
                                 refused; defaults --timeout=10000, --max-output=1000000,
                                 --max-old-space-size=512
  --permission                   Node's permission model: the file system only as granted
  --allow-fs-read=PATHS          with --permission (or --sandbox): allow reading PATHS
                                 (comma list; a directory with its contents; *: all)
  --allow-fs-write=PATHS         the same for writing
  --allow-child-process          with --permission (or --sandbox): allow child_process
  --                             end of options: the next word is the script
";

#[cfg(test)]
mod tests {
    use super::*;

    fn p(words: &[&str]) -> Result<Options, CliError> {
        parse(words.iter().map(|s| s.to_string()))
    }

    #[test]
    fn script_and_its_arguments() {
        let o = p(&["--virtual-time", "f.js", "-e", "x", "--watch"]).unwrap();
        assert!(o.virtual_time);
        assert_eq!(o.script.as_deref(), Some("f.js"));
        assert_eq!(o.args, ["-e", "x", "--watch"]);
        assert!(o.eval.is_none() && !o.watch);
    }

    #[test]
    fn preload_modules_and_warning_flags() {
        let o = p(&[
            "-r",
            "a",
            "--require=b",
            "--no-warnings",
            "--title",
            "t",
            "f.js",
            "-r",
        ])
        .unwrap();
        assert_eq!(o.preload_modules, ["a", "b"]);
        assert!(o.no_warnings);
        assert_eq!(o.title.as_deref(), Some("t"));
        assert_eq!(o.args, ["-r"]);
    }

    #[test]
    fn stdin_dash_and_double_dash() {
        let o = p(&["-", "a", "b"]).unwrap();
        assert_eq!(o.script.as_deref(), Some("-"));
        assert_eq!(o.args, ["a", "b"]);
        let o = p(&["--", "-weird.js", "x"]).unwrap();
        assert_eq!(o.script.as_deref(), Some("-weird.js"));
        assert_eq!(o.args, ["x"]);
    }

    #[test]
    fn eval_print_and_clusters() {
        let o = p(&["-e", "1", "a", "b"]).unwrap();
        assert_eq!(o.eval.as_deref(), Some("1"));
        assert_eq!((o.script, o.args), (None, vec!["a".into(), "b".into()]));
        let o = p(&["-pe", "2+2"]).unwrap();
        assert!(o.print);
        assert_eq!(o.eval.as_deref(), Some("2+2"));
        let o = p(&["--print=3"]).unwrap();
        assert!(o.print);
        assert_eq!(o.eval.as_deref(), Some("3"));
        let o = p(&["-i", "-e", "x"]).unwrap();
        assert!(o.interactive);
    }

    #[test]
    fn refusals() {
        assert_eq!(p(&["--bogus"]), Err(CliError::BadOption("--bogus".into())));
        let o = p(&["--env-file=a.env", "--env-file-if-exists", "b.env", "f.js"]).unwrap();
        assert_eq!(
            o.env_files,
            [("a.env".to_string(), false), ("b.env".to_string(), true)]
        );
        assert_eq!(o.script.as_deref(), Some("f.js"));
        assert_eq!(p(&["-x"]), Err(CliError::BadOption("-x".into())));
        assert_eq!(p(&["-e"]), Err(CliError::MissingArgument("-e".into())));
        assert_eq!(p(&["--input-type=x"]), Err(CliError::BadInputType));
        assert!(matches!(p(&["-c", "-e", "1"]), Err(CliError::Conflict(_))));
        assert_eq!(p(&["-ep", "1"]), Err(CliError::BadOption("-ep".into())));
    }

    #[test]
    fn limits() {
        let o = p(&[
            "--timeout=50",
            "--max-output",
            "10",
            "--stack-size=500",
            "--sandbox",
        ])
        .unwrap();
        assert_eq!(
            (o.timeout_ms, o.max_output, o.stack_size_kb, o.sandbox),
            (Some(50), Some(10), Some(500), true)
        );
        assert!(matches!(
            p(&["--timeout=abc"]),
            Err(CliError::BadValue { .. })
        ));
        assert!(matches!(
            p(&["--timeout=0"]),
            Err(CliError::BadValue { .. })
        ));
    }

    #[test]
    fn permission_flags() {
        let o = p(&[
            "--permission",
            "--allow-fs-read=/a,/b",
            "--allow-fs-read",
            "/c",
            "--allow-fs-write=*",
        ])
        .unwrap();
        assert!(o.permission);
        assert_eq!(o.allow_fs_read, vec!["/a,/b".to_string(), "/c".to_string()]);
        assert_eq!(o.allow_fs_write, vec!["*".to_string()]);
    }

    #[test]
    fn option_values_inline_or_next() {
        let o = p(&["--unhandled-rejections", "warn", "--input-type=module"]).unwrap();
        assert_eq!(o.unhandled_rejections.as_deref(), Some("warn"));
        assert_eq!(o.input_type, Some(InputType::Module));
    }
}
