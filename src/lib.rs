//! jsgen: a JavaScript interpreter (library crate; the `jsgen` binary is `src/main.rs`).
//!
//! Pipeline: [`lexer`] (logos) → [`parser`] (lalrpop grammar in `grammar/`) → [`ast`] →
//! [`resolve`] (scope analysis, early errors) → [`interp`] (AST-walking evaluator) with
//! [`builtins`] and [`inspect`] (Node-style formatting); [`diag`] renders errors with miette.

pub mod ast;
pub mod bigint;
pub mod builtins;
pub mod diag;
pub mod event_loop;
pub mod gc;
pub mod inspect;
pub mod interp;
pub mod lexer;
pub mod object;
pub mod object_kind;
pub mod parser;
pub mod repl;
pub mod resolve;
pub mod run;
pub mod string;
pub mod value;
