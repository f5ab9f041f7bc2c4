//! The `jsgen` command line: run a file, stdin, or `-e CODE`; with no script on a terminal
//! (or with `-i`), the REPL (`src/repl/`).

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use clap::Parser;

use jsgen::event_loop::RejectionMode;
use jsgen::interp::Interp;
use jsgen::run::{MainEnd, RunError, ScriptGoal};

/// jsgen — a JavaScript interpreter that prints exactly what Node.js prints.
#[derive(Parser, Debug)]
#[command(name = "jsgen", version, about)]
struct Cli {
    /// Script file to run (`-` reads the script from standard input).
    file: Option<String>,

    /// Evaluate CODE instead of a file.
    #[arg(short = 'e', long = "eval", value_name = "CODE")]
    eval: Option<String>,

    /// Start the REPL even if standard input is not a terminal (as `node -i`).
    #[arg(short = 'i', long = "interactive")]
    interactive: bool,

    /// Run timers against a virtual clock: same order as real time, no sleeping.
    #[arg(long)]
    virtual_time: bool,

    /// Run the file as an ECMAScript Script (global code: top-level `var`s and functions
    /// become global properties) instead of a CommonJS module as Node does. test262's tests
    /// are written for this goal.
    #[arg(long)]
    global_script: bool,

    /// What an unhandled promise rejection does (as Node's flag).
    #[arg(long, value_name = "MODE", default_value = "throw")]
    unhandled_rejections: String,

    /// Arguments passed to the script (`process.argv[2..]`); options go before the file.
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "ARGS"
    )]
    args: Vec<String>,
}

/// The interpreter runs on a thread with a large stack so deep (but bounded) JS recursion
/// reaches the RangeError check instead of overflowing the native stack.
const STACK_SIZE: usize = 1 << 30;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let child = std::thread::Builder::new()
        .name("jsgen".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run(cli));
    match child.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            eprintln!("jsgen: internal error");
            ExitCode::from(70)
        }
    }
}

fn run(cli: Cli) -> u8 {
    let no_script = cli.eval.is_none() && cli.file.is_none();
    if cli.interactive && !no_script {
        eprintln!("jsgen: -i starts the REPL; it takes no script file or -e CODE");
        return 2;
    }
    let stdin_tty = std::io::stdin().is_terminal();
    if no_script && (cli.interactive || stdin_tty) {
        return jsgen::repl::run(stdin_tty);
    }
    let (name, text) = match (&cli.eval, &cli.file) {
        (Some(code), _) => ("[eval]".to_string(), code.clone()),
        // No script and a piped stdin: run stdin as the script (as `node` does).
        (None, None) => match read_stdin() {
            Ok(s) => ("[stdin]".to_string(), s),
            Err(code) => return code,
        },
        (None, Some(f)) if f == "-" => match read_stdin() {
            Ok(s) => ("[stdin]".to_string(), s),
            Err(code) => return code,
        },
        // Node decodes a script as UTF-8 with each invalid sequence replaced by U+FFFD.
        (None, Some(f)) => match std::fs::read(f) {
            Ok(bytes) => (absolute(f), utf8_lossy(bytes)),
            Err(e) => {
                eprintln!("jsgen: cannot read {f}: {e}");
                return 2;
            }
        },
    };
    let Some(mode) = RejectionMode::parse(&cli.unhandled_rejections) else {
        eprintln!(
            "jsgen: invalid value for --unhandled-rejections: {} (expected throw, strict, warn or none)",
            cli.unhandled_rejections
        );
        return 2;
    };
    let mut it = Interp::new();
    it.console.detect_terminal();
    it.timers.virtual_time = cli.virtual_time;
    let script_path = match (&cli.eval, &cli.file) {
        (None, Some(f)) if f != "-" => Some(name.clone()),
        _ => None,
    };
    let mut args = cli.args.clone();
    if cli.eval.is_some() {
        // `jsgen -e CODE a b`: the positional words are all script arguments.
        if let Some(f) = &cli.file {
            args.insert(0, f.clone());
        }
    }
    it.set_script_args(script_path.clone(), args);
    // Node runs a file as a CommonJS module, and `-e`/stdin code as global code.
    let goal = if script_path.is_some() && !cli.global_script {
        ScriptGoal::CommonJs
    } else {
        ScriptGoal::Global
    };
    let end = it.run_main(&name, &text, mode, goal);
    let default = match end {
        MainEnd::Done | MainEnd::Exit(_) => 0,
        MainEnd::Error(e) => {
            report(&mut it, e);
            1
        }
        MainEnd::UnhandledRejection { value, pos } => {
            let d = jsgen::diag::uncaught(&mut it, &value, pos, "Unhandled promise rejection: ");
            let _ = std::io::stdout().flush();
            let _ = std::io::stderr().write_all(jsgen::diag::render(d, false).as_bytes());
            1
        }
    };
    let code = it.emit_exit(default);
    let _ = std::io::stdout().flush();
    // Exit statuses are 8 bits, as the OS truncates them.
    (code & 0xff) as u8
}

fn report(it: &mut Interp, e: RunError) {
    let _ = std::io::stdout().flush();
    let color = false;
    let d = match e {
        RunError::Syntax { source, error } => jsgen::diag::syntax_error(it, source, &error),
        RunError::Uncaught { value, pos } => jsgen::diag::uncaught(it, &value, pos, "Uncaught "),
    };
    let s = jsgen::diag::render(d, color);
    let _ = std::io::stderr().write_all(s.as_bytes());
}

/// The whole of standard input as UTF-8 text (decoded as Node does, see `utf8_lossy`), or
/// the exit code after an error message.
fn read_stdin() -> Result<String, u8> {
    let mut buf = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
        eprintln!("jsgen: cannot read standard input: {e}");
        return Err(2);
    }
    Ok(utf8_lossy(buf))
}

/// UTF-8 text with every invalid sequence (maximal subpart) replaced by U+FFFD, as Node's
/// decoder (WHATWG UTF-8 decode) does. Valid input is not copied.
fn utf8_lossy(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

fn absolute(f: &str) -> String {
    std::fs::canonicalize(f)
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| f.to_string())
}
