//! jsgen: a JavaScript interpreter (library crate; the `jsgen` binary is `src/main.rs`).

pub mod ast;
pub mod lexer;
pub mod parser;
pub mod resolve;
pub mod string;
