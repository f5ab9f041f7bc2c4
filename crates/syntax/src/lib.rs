//! jsgen's front end: source text in, a resolved AST out. It knows nothing of values or of
//! evaluation, so a change to the engine or the host never rebuilds the parser.
//!
//! Pipeline: [`lexer`] (logos, with the context rules JavaScript needs: regex or `/`,
//! templates, contextual keywords) → [`parser`] (the LALRPOP grammar in the workspace's
//! `grammar/`) → [`ast`] (spanned nodes) → [`resolve`] (scopes, bindings as (hops, slot),
//! early errors). [`regexp`] checks regular-expression literals (an early error), and
//! [`string`] is JavaScript's UTF-16 string type, which literals in the AST already are and
//! the engine uses for every string value.

pub mod ast;
pub mod lexer;
pub mod parser;
pub mod position;
pub mod regexp;
pub mod resolve;
pub mod string;

/// The hash table the interner uses, for the engine's tables of the same kind (one copy of
/// the crate; a new dependency of the engine would change its symbol names, see
/// `startup-order.txt`).
pub use hashbrown;
