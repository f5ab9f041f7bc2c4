//! Parser front end (to be written): lexer → lalrpop grammar → AST.
use crate::ast::{Script, Span};

#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// Parse as strict-mode code from the start (e.g. direct eval inside strict code).
    pub strict: bool,
    /// `await` is a keyword at the top level (module-like goal; Node's detect-module).
    pub top_level_await: bool,
}

#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub message: String,
    pub span: Span,
    /// The input ended where more was expected (the REPL then asks for another line).
    pub incomplete: bool,
}

pub fn parse_script(_source: &str, _opts: &ParseOptions) -> Result<Script, SyntaxError> {
    unimplemented!()
}
