//! jsgen: a JavaScript interpreter that prints exactly what Node.js prints.
//!
//! This package is the top of the workspace: the `jsgen` command line (`src/main.rs`), the
//! [`repl`], the [`diag`]nostics (miette) and the embedding facade. The layers below it:
//! `jsgen-syntax` (lexer, grammar, AST, resolver) → `jsgen-engine` (values, objects, GC,
//! evaluator, ECMAScript built-ins) → `jsgen-node` (console, inspect, process, timers, event
//! loop, require).
//!
//! # Embedding
//!
//! ```
//! let mut rt = jsgen::Runtime::new(); // Node-like host, or Runtime::bare() for the engine alone
//! let v = rt.eval("[1, 2, 3].map(x => x * 2)")?; // a value the host can inspect
//! let xs: Vec<f64> = rt.from_js(&v)?;
//! assert_eq!(xs, [2.0, 4.0, 6.0]);
//!
//! rt.capture_output(); // console output into a buffer instead of stdout
//! rt.set_virtual_time(true); // timers fire in order without sleeping
//! rt.eval("setTimeout(() => console.log('later'), 1000); console.log('now')")?;
//! rt.run_event_loop()?;
//! assert_eq!(rt.take_output(), "now\nlater\n");
//! # Ok::<(), jsgen::Error>(())
//! ```
//!
//! [`Runtime::run_file`] runs a file as `jsgen FILE` does (script, event loop, exit code);
//! [`Runtime::register_fn`] defines a global function from a Rust closure; [`FromJs`] and
//! [`IntoJs`] convert `f64`, `bool`, `String`, `Vec`, maps and `Option` both ways; errors
//! are [`Error`]s carrying the JavaScript exception and its diagnostic. `examples/` has a
//! program for each.

pub use jsgen_engine as engine;
pub use jsgen_node as node;
pub use jsgen_syntax as syntax;

pub mod cli;
pub mod diag;
pub mod repl;
mod runtime;

pub use runtime::{Error, ErrorKind, FromJs, IntoJs, Limits, Runtime, TerminateHandle, Value};
