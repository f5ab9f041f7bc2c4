//! Parser front end: lexer (`src/lexer.rs`) → lalrpop grammar (`grammar/js.lalrpop`) → AST.
//!
//! The grammar's semantic actions call back into [`Ctx`] for everything that is more than
//! building a node: reinterpreting cover grammars (arrow parameters, async arrow heads,
//! destructuring assignment targets, `for (x in y)` heads), validating assignment targets, and
//! deciding whether an error-recovery point is a legal automatic semicolon insertion.
//!
//! # Scope
//!
//! ES2023 scripts: every statement and expression form, destructuring, classes (fields,
//! `#private`, static blocks, accessors), generators, async functions/generators/arrows,
//! `for await`, optional chaining, `??` and logical assignment, templates (tagged templates keep
//! invalid escapes as `cooked: None`), Annex B function declarations in `if`/labels, HTML-like
//! comments, legacy octal literals/escapes (rejected in strict code).
//!
//! Modules: with `ParseOptions::module`, top-level `import`/`export` declarations are
//! desugared into declarations (`import {a} from 'm'` → `const {a} = <namespace of m>`);
//! `import()` is an expression in every goal.
//!
//! Early errors that need scopes (duplicate declarations, `break`/`continue` targets,
//! `yield`/`await`/`super`/`new.target` placement, strict-mode identifier restrictions,
//! regex pattern syntax) are left to the resolver. The parser reports the purely syntactic ones
//! (invalid assignment targets, `CoverInitializedName`, duplicate `__proto__`, accessor arity,
//! rest-element placement, class constructor/field/private-name rules).

use std::cell::RefCell;
use std::rc::Rc;

use lalrpop_util::{ErrorRecovery, ParseError};

use crate::ast::*;
use crate::lexer::{self, LexError, Tok, Token, TplChunk};
use crate::string::JsStr;

// `lalrpop_mod!` spelled out, so that a test can reach the generated parser's symbol type.
#[rustfmt::skip]
#[allow(clippy::all, clippy::pedantic, unused, unused_parens, non_snake_case)]
mod grammar {
    include!(concat!(env!("OUT_DIR"), "/js.rs"));

    /// Bytes of one parser symbol: every shift and reduce moves a `(usize, __Symbol, usize)`
    /// on lalrpop's stack, so its largest variant costs on every step (issue #12).
    #[cfg(test)]
    pub(crate) const SYMBOL_SIZE: usize = std::mem::size_of::<__parse__Script::__Symbol>();
}

#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// Parse as strict-mode code from the start (e.g. direct eval inside strict code).
    pub strict: bool,
    /// `await` is a keyword at the top level (module-like goal; Node's detect-module).
    pub top_level_await: bool,
    /// The Module goal: `import`/`export` declarations and `import.meta` are allowed.
    pub module: bool,
}

/// The bindings of an `import` declaration: `d`, `* as ns`, `{ a, b as c }`.
#[derive(Debug, Default)]
pub struct ImportClause {
    pub default: Option<Ident>,
    pub namespace: Option<Ident>,
    pub named: Vec<(JsStr, Ident)>,
}

/// `local` or `local as exported` in an `export { ... }` list: each name and whether it was
/// a string literal.
#[derive(Debug, Clone)]
pub struct ExportSpec {
    pub local: (JsStr, bool),
    pub exported: (JsStr, bool),
    pub span: Span,
}

/// The names a binding pattern declares, in order (BoundNames).
pub fn bound_names(p: &Pattern, out: &mut Vec<JsStr>) {
    match p {
        Pattern::Ident(i) => out.push(i.name.clone()),
        Pattern::Object { props, rest, .. } => {
            for pr in props {
                bound_names(&pr.target, out);
            }
            if let Some(r) = rest {
                bound_names(r, out);
            }
        }
        Pattern::Array { elems, rest, .. } => {
            for e in elems.iter().flatten() {
                bound_names(&e.target, out);
            }
            if let Some(r) = rest {
                bound_names(r, out);
            }
        }
        Pattern::Expr(_) => {}
    }
}

/// Reserved words that may not be an IdentifierReference (`export { if }` is an error).
fn is_reserved_word(s: &str) -> bool {
    matches!(
        s,
        "await"
            | "break"
            | "case"
            | "catch"
            | "class"
            | "const"
            | "continue"
            | "debugger"
            | "default"
            | "delete"
            | "do"
            | "else"
            | "enum"
            | "export"
            | "extends"
            | "false"
            | "finally"
            | "for"
            | "function"
            | "if"
            | "import"
            | "in"
            | "instanceof"
            | "new"
            | "null"
            | "return"
            | "super"
            | "switch"
            | "this"
            | "throw"
            | "true"
            | "try"
            | "typeof"
            | "var"
            | "void"
            | "while"
            | "with"
            | "yield"
            | "let"
            | "static"
            | "implements"
            | "interface"
            | "package"
            | "private"
            | "protected"
            | "public"
    )
}

#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub message: String,
    pub span: Span,
    /// The input ended where more was expected (the REPL then asks for another line).
    pub incomplete: bool,
}

impl SyntaxError {
    fn new(message: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            message: message.into(),
            span,
            incomplete: false,
        }
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SyntaxError: {}", self.message)
    }
}

impl std::error::Error for SyntaxError {}

/// Result type of fallible grammar actions.
pub type PResult<T> = Result<T, ParseError<usize, Tok, SyntaxError>>;

/// Formal parameters: the plain ones and the rest parameter.
pub type Params = (Vec<Param>, Option<Pattern>);

fn user<T>(message: impl Into<String>, span: Span) -> PResult<T> {
    Err(ParseError::User {
        error: SyntaxError::new(message, span),
    })
}

/// V8's kUnterminatedTemplateExpr.
const MISSING_TEMPLATE_BRACE: &str = "Missing } in template expression";

/// Whether the parser, at an unexpected token or the end of input, could have continued a
/// template literal (its `}...${` or `}...`` ` ``): the substitution's expression was complete.
fn expects_template_continuation(expected: &[String]) -> bool {
    expected
        .iter()
        .any(|e| e == "\"tpl_middle\"" || e == "\"tpl_tail\"")
}

pub fn sp(l: usize, r: usize) -> Span {
    Span::new(l, r)
}

/// Parses a whole script.
pub fn parse_script(source: &str, opts: &ParseOptions) -> Result<Script, SyntaxError> {
    parse_with_items(source, opts).map(|(script, _)| script)
}

/// Parses module code (`opts.module`): the script and its import/export entries
/// (ParseModule). The early errors on the entries (duplicate export names, an exported name
/// that is not declared) are the engine's, after the scope's own (V8's order).
pub fn parse_module(
    source: &str,
    opts: &ParseOptions,
) -> Result<(Script, crate::ast::ModuleItems), SyntaxError> {
    parse_with_items(source, opts)
}

fn parse_with_items(
    source: &str,
    opts: &ParseOptions,
) -> Result<(Script, crate::ast::ModuleItems), SyntaxError> {
    let (tokens, lex_err) = lexer::tokenize_goal(source, opts.top_level_await, opts.module);
    let legacy_octal = legacy_octal_tokens(source, &tokens);
    let ctx = Ctx {
        legacy_octal,
        src: source,
        tokens: &tokens,
        strict: opts.strict,
        module: opts.module,
        errors: RefCell::new(Vec::new()),
        cover_inits: RefCell::new(Vec::new()),
        rest_with_comma: RefCell::new(Vec::new()),
        dup_proto: RefCell::new(Vec::new()),
        for_in_rhs: RefCell::new(Vec::new()),
        module_items: RefCell::new(Default::default()),
    };
    let iter = tokens
        .iter()
        .map(|t| Ok((t.start as usize, t.tok.clone(), t.end() as usize)))
        .chain(lex_err.map(|e| Err(lex_error(e))));
    let result = grammar::ScriptParser::new().parse(&ctx, iter);
    let mut errors = ctx.errors.take();
    let body = match result {
        Ok(body) => body,
        Err(e) => {
            errors.push(ctx.convert(e));
            Vec::new()
        }
    };
    if let Some(&span) = ctx.cover_inits.borrow().first() {
        errors.push(SyntaxError::new(
            "Invalid shorthand property initializer",
            span,
        ));
    }
    if let Some(&span) = ctx.dup_proto.borrow().first() {
        errors.push(SyntaxError::new(
            "Duplicate __proto__ fields are not allowed in object literals",
            span,
        ));
    }
    if let Some(&(_, (message, span))) = ctx.for_in_rhs.borrow().first() {
        errors.push(SyntaxError::new(message, span));
    }
    if let Some(e) = errors.into_iter().min_by_key(|e| e.span.start) {
        return Err(e);
    }
    let strict = opts.strict || ctx.has_use_strict(&body);
    if strict {
        ctx.check_octal(sp(0, source.len()))?;
    }
    let items = ctx.module_items.take();
    Ok((
        Script {
            body,
            strict,
            span: sp(0, source.len()),
            scope: Default::default(),
        },
        items,
    ))
}

fn lex_error(e: LexError) -> SyntaxError {
    SyntaxError {
        message: e.message,
        span: sp(e.start, e.end),
        incomplete: e.incomplete,
    }
}

/// Finds legacy octal literals and octal escapes (allowed only in sloppy code).
fn legacy_octal_tokens(src: &str, tokens: &[Token]) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    for t in tokens {
        let text = src
            .get((t.start as usize)..(t.end() as usize))
            .unwrap_or("");
        match t.tok {
            Tok::Num(_) | Tok::NumElem(_) => {
                let b = text.as_bytes();
                if b.len() > 1 && b[0] == b'0' && b[1].is_ascii_digit() {
                    out.push((t.start as usize, t.end() as usize, false));
                }
            }
            Tok::Str(_) => {
                let b = text.as_bytes();
                let mut i = 0;
                while i + 1 < b.len() {
                    if b[i] == b'\\' {
                        let c = b[i + 1];
                        let next_digit = b.get(i + 2).is_some_and(|d| d.is_ascii_digit());
                        if (b'1'..=b'9').contains(&c) || (c == b'0' && next_digit) {
                            out.push((t.start as usize, t.end() as usize, true));
                            break;
                        }
                        i += 2;
                    } else {
                        i += 1;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Parenthesized list `( a, b, ...c )`: an expression or arrow parameters.
pub struct Cover {
    items: Vec<Expr>,
    trailing_comma: bool,
    rest: Option<Pattern>,
    span: Span,
}

impl Cover {
    pub fn new(
        mut items: Vec<Expr>,
        last: Option<Expr>,
        rest: Option<Pattern>,
        span: Span,
    ) -> Cover {
        let trailing_comma = last.is_none() && rest.is_none() && !items.is_empty();
        items.extend(last);
        Cover {
            items,
            trailing_comma,
            rest,
            span,
        }
    }
}

/// An operand of a flat chain of binary operators (grammar `BinHead`, `BinTail`): an
/// expression, or a private name, which may only be the left operand of `in` (`#x in o`).
pub enum BinOperand {
    Expr(Expr),
    Private(Ident),
}

impl BinOperand {
    fn span(&self) -> Span {
        match self {
            BinOperand::Expr(e) => e.span,
            BinOperand::Private(id) => id.span,
        }
    }
}

/// An operator of a flat chain (grammar `BinOp`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ChainOp {
    Binary(BinaryOp),
    Logical(LogicalOp),
}

impl ChainOp {
    /// Its precedence (ECMA-262 13.6-13.13: `||` and `??` lowest, `*`, `/`, `%` highest;
    /// all left-associative). `??` never meets `&&` or `||` in one chain (see
    /// `Ctx::binary_chain`), so it shares `||`'s level.
    fn precedence(self) -> u8 {
        use BinaryOp::*;
        match self {
            ChainOp::Logical(LogicalOp::Or | LogicalOp::Nullish) => 1,
            ChainOp::Logical(LogicalOp::And) => 2,
            ChainOp::Binary(op) => match op {
                BitOr => 3,
                BitXor => 4,
                BitAnd => 5,
                Eq | NotEq | StrictEq | StrictNotEq => 6,
                Lt | Gt | LtEq | GtEq | InstanceOf | In => 7,
                Shl | Shr | UShr => 8,
                Add | Sub => 9,
                Mul | Div | Mod => 10,
                // `**` has its own rule (right-associative, no unary left operand).
                Exp => 11,
            },
        }
    }

    fn text(self) -> &'static str {
        match self {
            ChainOp::Logical(LogicalOp::Or) => "||",
            ChainOp::Logical(LogicalOp::And) => "&&",
            ChainOp::Logical(LogicalOp::Nullish) => "??",
            ChainOp::Binary(_) => "",
        }
    }
}

pub enum ArrowParams {
    Ident(Ident),
    Cover(Cover),
}

pub enum ArrowBody {
    Block(Vec<Stmt>),
    Expr(Expr),
}

/// A parsed `for (...)` head, before reinterpretation.
pub enum ForHeadP {
    Classic(
        Option<(Option<VarKind>, Vec<Declarator>, Option<Expr>)>,
        Option<Expr>,
        Option<Expr>,
    ),
    /// `for (<expr>)`: must be `for (lhs in obj)` with a top-level `in`.
    ExprParen(Expr),
    /// `for (var x = init in obj)` (legacy) parsed as a declaration list.
    DeclParen(VarKind, Vec<Declarator>),
    Decl(ForInOfKind, VarKind, Pattern, Expr),
    Target(ForInOfKind, Expr, Expr),
}

/// What follows `?.` in an optional chain.
pub enum OptTail {
    Prop(MemberProp),
    /// The arguments and the offset of their `(`.
    Call(Vec<Arg>, u32),
}

/// State shared with the grammar actions.
pub struct Ctx<'a> {
    src: &'a str,
    tokens: &'a [Token],
    strict: bool,
    module: bool,
    /// Errors found during error recovery (the parse continues; the first one is reported).
    errors: RefCell<Vec<SyntaxError>>,
    /// `{ x = 1 }` initializers not (yet) reinterpreted as destructuring defaults.
    cover_inits: RefCell<Vec<Span>>,
    /// Legacy octal numbers (`010`) and octal escapes (`"\1"`): errors in strict code. Sorted
    /// by position; each is (start, end, is_escape).
    legacy_octal: Vec<(usize, usize, bool)>,
    /// Spread elements followed by a trailing comma (`[...a,]`): invalid as rest elements.
    rest_with_comma: RefCell<Vec<Span>>,
    /// Object literals with duplicate `__proto__` properties (valid only as patterns).
    dup_proto: RefCell<Vec<Span>>,
    /// Right operands of `in` that only a `for (x in ...)` head allows (`u = {}`, `() => 1`,
    /// `yield`), by span, with the error to report if no for-in head takes them.
    for_in_rhs: RefCell<Vec<(Span, (&'static str, Span))>>,
    /// Module code: the requests, import entries and export entries seen so far.
    module_items: RefCell<crate::ast::ModuleItems>,
}

impl Ctx<'_> {
    fn token_at(&self, pos: usize) -> Option<&Token> {
        let i = self.tokens.partition_point(|t| (t.start as usize) < pos);
        self.tokens[i..]
            .iter()
            .find(|t| (t.start as usize) == pos && t.tok != Tok::AutoSemi)
    }

    /// Span of a statement ending at `r`, where `r` may lie past an inserted semicolon (the
    /// next token's start): ends at the last token that ends at or before `r`.
    pub fn sp_end(&self, l: usize, r: usize) -> Span {
        let i = self.tokens.partition_point(|t| (t.end() as usize) <= r);
        match i.checked_sub(1).map(|j| self.tokens[j].end() as usize) {
            Some(end) if end >= l => sp(l, end),
            _ => sp(l, r),
        }
    }

    /// Whether the tokens before `pos` end with a member/call chain containing `?.` (at its
    /// own nesting level). A template after an optional chain is an early error
    /// (`a?.b\n`c``), which automatic semicolon insertion must not paper over.
    fn optional_chain_ends_before(&self, pos: usize) -> bool {
        let chain = |t: &Tok| {
            matches!(
                t,
                Tok::Ident(_) | Tok::Dot | Tok::PrivateName(_) | Tok::This | Tok::Super
            )
        };
        matches!(self.token_before_chain(pos, chain), Some(Tok::QDot))
    }

    /// Walks back from `pos` over a member/call chain — tokens `chain` accepts and
    /// bracketed groups (`(d)`, `[c]`) — and returns the first token before it.
    fn token_before_chain(&self, pos: usize, chain: impl Fn(&Tok) -> bool) -> Option<&Tok> {
        let mut i = self.tokens.partition_point(|t| (t.start as usize) < pos);
        let mut depth = 0usize;
        while i > 0 {
            i -= 1;
            let tok = &self.tokens[i].tok;
            match tok {
                Tok::RParen | Tok::RBracket => depth += 1,
                Tok::LParen | Tok::LBracket if depth > 0 => depth -= 1,
                _ if depth > 0 || chain(tok) => {}
                _ => return Some(tok),
            }
        }
        None
    }

    fn nl_before(&self, pos: usize) -> bool {
        self.token_at(pos).is_some_and(|t| t.nl_before())
    }

    fn text(&self, span: Span) -> &str {
        self.src
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }

    /// Converts a lalrpop error into a V8-style syntax error.
    pub fn convert(&self, e: ParseError<usize, Tok, SyntaxError>) -> SyntaxError {
        match e {
            ParseError::InvalidToken { location } => {
                SyntaxError::new("Invalid or unexpected token", sp(location, location + 1))
            }
            ParseError::UnrecognizedEof { location, expected } => SyntaxError {
                message: if expects_template_continuation(&expected) {
                    MISSING_TEMPLATE_BRACE.into()
                } else {
                    "Unexpected end of input".into()
                },
                span: sp(location, location),
                incomplete: true,
            },
            ParseError::UnrecognizedToken {
                token: (l, t, r),
                expected,
            } => {
                let msg = if expected.iter().any(|e| e == "\")\"") && self.in_call_args(l) {
                    "missing ) after argument list".to_string()
                } else if let Some(at) = self.await_identifier_before(l) {
                    // `await x` outside an async function: V8 names the real problem and
                    // underlines the `await`.
                    return SyntaxError::new(
                        "await is only valid in async functions and the top level bodies of modules",
                        at,
                    );
                } else if expects_template_continuation(&expected) {
                    // `${a b}`: the substitution's expression is complete and what follows
                    // is not its `}`; V8 checks for the `}` after parsing the expression.
                    MISSING_TEMPLATE_BRACE.to_string()
                } else if let Some(m) = self.for_of_declaration_error(&t, l) {
                    m.to_string()
                } else if let Some(m) = self.optional_chain_error(&t, l) {
                    m.to_string()
                } else if let Some(span) = self.literal_shorthand_before(&t, l) {
                    // `{1}`, `let {'a'} = b`: a literal key without a value; V8 reports
                    // the literal.
                    let i = self
                        .tokens
                        .partition_point(|t| (t.start as usize) < span.start as usize);
                    if let Some(lit) = self.tokens.get(i) {
                        return SyntaxError::new(self.token_message(&lit.tok, span), span);
                    }
                    self.token_message(&t, sp(l, r))
                } else if let Some(m) = self.binding_pattern_error(&t, l) {
                    m.to_string()
                } else if t == Tok::LParen && self.follows_function_keyword(l) {
                    // `function () {}` where a statement starts: V8's message for a
                    // declaration without its name.
                    "Function statements require a function name".to_string()
                } else if t == Tok::Using {
                    // `using x` where no declaration may stand (`if (c) using x = r;`): V8
                    // reads `using` as an identifier and reports the name after it.
                    let i = self.tokens.partition_point(|t| (t.start as usize) < r);
                    if let Some(next) = self.tokens.get(i) {
                        let span = sp(next.start as usize, next.end() as usize);
                        return SyntaxError::new(self.token_message(&next.tok, span), span);
                    }
                    self.token_message(&t, sp(l, r))
                } else if self.follows_declaration_keyword(l) {
                    // `let await`, `var yield`: a keyword where a binding name must be.
                    match t {
                        Tok::Await => "Unexpected reserved word".to_string(),
                        Tok::Yield | Tok::YieldNoArg if !self.strict => {
                            "Unexpected identifier 'yield'".to_string()
                        }
                        _ => self.token_message(&t, sp(l, r)),
                    }
                } else {
                    self.token_message(&t, sp(l, r))
                };
                SyntaxError::new(msg, sp(l, r))
            }
            ParseError::ExtraToken { token: (l, t, r) } => {
                SyntaxError::new(self.token_message(&t, sp(l, r)), sp(l, r))
            }
            ParseError::User { error } => error,
        }
    }

    /// `of` after a declaration list that is not a single binding without initializer
    /// (`for (let x = 1 of a)`, `for (var x, y of a)`): V8's message for it.
    fn for_of_declaration_error(&self, t: &Tok, pos: usize) -> Option<&'static str> {
        let is_of = match t {
            Tok::Of => true,
            Tok::Ident(n) => n.to_rust_string() == "of",
            _ => false,
        };
        if !is_of {
            return None;
        }
        let end = self.tokens.partition_point(|t| (t.start as usize) < pos);
        // The innermost unclosed `(` before `of`, and what lies between.
        let mut depth = 0usize;
        let mut open = None;
        for i in (0..end).rev() {
            match self.tokens[i].tok {
                Tok::RParen | Tok::RBracket | Tok::RBrace => depth += 1,
                Tok::LParen | Tok::LBracket | Tok::LBrace if depth > 0 => depth -= 1,
                Tok::LParen => {
                    open = Some(i);
                    break;
                }
                Tok::LBracket | Tok::LBrace | Tok::ArrowLBrace => return None,
                _ => {}
            }
        }
        let open = open?;
        let tok = |i: usize| self.tokens.get(i).map(|t| &t.tok);
        let is_for = match open.checked_sub(1).and_then(tok) {
            Some(Tok::For) => true,
            Some(Tok::Await) => open.checked_sub(2).and_then(tok) == Some(&Tok::For),
            _ => false,
        };
        if !is_for {
            return None;
        }
        let (using, first) = match tok(open + 1) {
            Some(Tok::Var | Tok::Let | Tok::Const) => (false, open + 2),
            Some(Tok::Using) => (true, open + 2),
            Some(Tok::Await) if tok(open + 2) == Some(&Tok::Using) => (true, open + 3),
            _ => return None,
        };
        let (mut comma, mut assign, mut depth) = (false, false, 0usize);
        for t in &self.tokens[first.min(end)..end] {
            match t.tok {
                Tok::LParen | Tok::LBracket | Tok::LBrace => depth += 1,
                Tok::RParen | Tok::RBracket | Tok::RBrace => depth = depth.saturating_sub(1),
                Tok::Comma if depth == 0 => comma = true,
                Tok::Assign if depth == 0 => assign = true,
                _ => {}
            }
        }
        match (using, comma, assign) {
            (true, true, _) => Some("Missing initializer in using declaration"),
            (false, true, _) => {
                Some("Invalid left-hand side in for-of loop: Must have a single binding.")
            }
            (_, false, true) => {
                Some("for-of loop variable declaration may not have an initializer.")
            }
            _ => None,
        }
    }

    /// Whether the token before `pos` is `function`, or the `*` of `function*`.
    fn follows_function_keyword(&self, pos: usize) -> bool {
        let at = self.tokens.partition_point(|t| (t.start as usize) < pos);
        let tok = |i: usize| self.tokens.get(i).map(|t| &t.tok);
        match at.checked_sub(1).and_then(tok) {
            Some(Tok::Function) => true,
            Some(Tok::Star) => matches!(at.checked_sub(2).and_then(tok), Some(Tok::Function)),
            _ => false,
        }
    }

    /// `new a?.b()` and ``a?.b`x` ``: V8 names the optional chain.
    fn optional_chain_error(&self, t: &Tok, pos: usize) -> Option<&'static str> {
        match t {
            Tok::NoSubTemplate(_) | Tok::TemplateHead(_)
                if self.optional_chain_ends_before(pos) =>
            {
                Some("Invalid tagged template on optional chain")
            }
            Tok::QDot => {
                // Back over the member chain (`a.b[c](d)`) before the `?.` to a `new`.
                let chain = |t: &Tok| {
                    matches!(
                        t,
                        Tok::Ident(_) | Tok::Dot | Tok::PrivateName(_) | Tok::This
                    )
                };
                matches!(self.token_before_chain(pos, chain), Some(Tok::New))
                    .then_some("Invalid optional chain from new expression")
            }
            _ => None,
        }
    }

    /// The span of a number or string that stands as a shorthand property in an object
    /// literal or pattern (`{1}`, `{a, 'b'}`), when `t` (at `pos`) ends it.
    fn literal_shorthand_before(&self, t: &Tok, pos: usize) -> Option<Span> {
        if !matches!(t, Tok::RBrace | Tok::Comma | Tok::Assign) {
            return None;
        }
        let at = self.tokens.partition_point(|t| (t.start as usize) < pos);
        let tok = |i: usize| self.tokens.get(i).map(|t| &t.tok);
        let lit = at.checked_sub(1)?;
        if !matches!(
            tok(lit),
            Some(Tok::Num(_) | Tok::NumElem(_) | Tok::BigInt(_) | Tok::Str(_))
        ) {
            return None;
        }
        // Back over the earlier properties to the object's `{`.
        let mut depth = 0usize;
        let mut i = lit;
        let open = loop {
            i = i.checked_sub(1)?;
            match tok(i)? {
                Tok::RParen | Tok::RBracket | Tok::RBrace => depth += 1,
                Tok::LParen | Tok::LBracket | Tok::LBrace if depth > 0 => depth -= 1,
                _ if depth > 0 => {}
                Tok::LBrace => break i,
                Tok::LParen | Tok::LBracket | Tok::ArrowLBrace | Tok::Semi => return None,
                _ => {}
            }
        };
        if !matches!(tok(lit - 1), Some(Tok::LBrace | Tok::Comma)) {
            return None;
        }
        // An object, not a block: what comes before the `{` expects an expression or pattern.
        let object = match open.checked_sub(1).and_then(tok) {
            Some(t) => {
                t.is_assignment_operator()
                    || matches!(
                        t,
                        Tok::LParen
                            | Tok::Comma
                            | Tok::Colon
                            | Tok::LBracket
                            | Tok::Var
                            | Tok::Let
                            | Tok::Const
                            | Tok::Return
                            | Tok::Question
                            | Tok::Arrow
                    )
            }
            None => false,
        };
        let t = &self.tokens[lit];
        object.then(|| sp(t.start as usize, t.end() as usize))
    }

    /// A token that cannot stand in a declaration's binding pattern (`var [a, 1] = b`,
    /// `let {a: b.c} = d`, `function f([x + 1]) {}`): V8 parses the pattern as an expression
    /// first and then reports the element, not the token.
    fn binding_pattern_error(&self, t: &Tok, pos: usize) -> Option<&'static str> {
        if matches!(
            t,
            Tok::Comma
                | Tok::RBracket
                | Tok::RBrace
                | Tok::RParen
                | Tok::Assign
                | Tok::Colon
                | Tok::Semi
                | Tok::AutoSemi
                | Tok::Arrow
                | Tok::Ellipsis
        ) {
            return None;
        }
        let at = self.tokens.partition_point(|t| (t.start as usize) < pos);
        let tok = |i: usize| self.tokens.get(i).map(|t| &t.tok);
        let prev = at.checked_sub(1).and_then(tok);
        // The innermost unclosed bracket, then out through the enclosing pattern brackets.
        let mut depth = 0usize;
        let mut innermost = None;
        let mut outer = None;
        let mut i = at;
        while i > 0 {
            i -= 1;
            match self.tokens[i].tok {
                Tok::RParen | Tok::RBracket | Tok::RBrace => depth += 1,
                Tok::LParen | Tok::LBracket | Tok::LBrace | Tok::ArrowLBrace if depth > 0 => {
                    depth -= 1
                }
                Tok::LBracket | Tok::LBrace => {
                    innermost.get_or_insert(self.tokens[i].tok.clone());
                    outer = Some(i);
                }
                _ if outer.is_some() => break,
                Tok::LParen | Tok::ArrowLBrace => return None,
                _ => {}
            }
        }
        let outer = outer?;
        // In an object pattern, a property name position keeps the token message
        // (`let {1} = a`: "Unexpected number").
        if innermost == Some(Tok::LBrace) && matches!(prev, Some(Tok::LBrace | Tok::Comma)) {
            return None;
        }
        if !self.declares_pattern_at(outer) {
            return None;
        }
        if innermost == Some(Tok::LBrace) && prev == Some(&Tok::Ellipsis) {
            return Some("`...` must be followed by an identifier in declaration contexts");
        }
        let after_name = matches!(
            prev,
            Some(Tok::Ident(_) | Tok::RParen | Tok::RBracket | Tok::This)
        );
        if after_name && matches!(t, Tok::Dot | Tok::QDot | Tok::LBracket) {
            return Some("Illegal property in declaration context");
        }
        Some("Invalid destructuring assignment target")
    }

    /// Is the bracket at token `i` the start of a declared binding pattern: right after `var`,
    /// `let` or `const`, after `catch (` or a function's `(`, or after a `,` between
    /// declarators or parameters?
    fn declares_pattern_at(&self, i: usize) -> bool {
        let tok = |i: usize| self.tokens.get(i).map(|t| &t.tok);
        // A `(` that opens a function's parameters or a catch binding.
        let binding_paren = |j: usize| {
            let before = j.checked_sub(1).and_then(tok);
            let before2 = j.checked_sub(2).and_then(tok);
            matches!(before, Some(Tok::Catch | Tok::Function))
                || (matches!(before, Some(Tok::Ident(_)))
                    && matches!(before2, Some(Tok::Function | Tok::Star)))
        };
        let Some(b) = i.checked_sub(1) else {
            return false;
        };
        match tok(b) {
            Some(Tok::Var | Tok::Let | Tok::Const) => true,
            Some(Tok::LParen) => binding_paren(b),
            Some(Tok::Comma) => {
                let mut j = b;
                let mut depth = 0usize;
                while j > 0 {
                    j -= 1;
                    match tok(j) {
                        Some(Tok::RParen | Tok::RBracket | Tok::RBrace) => depth += 1,
                        Some(Tok::LParen | Tok::LBracket | Tok::LBrace) if depth > 0 => depth -= 1,
                        _ if depth > 0 => {}
                        Some(Tok::Var | Tok::Let | Tok::Const) => return true,
                        Some(Tok::LParen) => return binding_paren(j),
                        Some(
                            Tok::Semi
                            | Tok::AutoSemi
                            | Tok::LBrace
                            | Tok::ArrowLBrace
                            | Tok::LBracket,
                        ) => return false,
                        _ => {}
                    }
                }
                false
            }
            _ => false,
        }
    }

    /// Is the token at `pos` preceded by `var`, `let`, `const` or `using` (it must be a
    /// binding name)?
    fn follows_declaration_keyword(&self, pos: usize) -> bool {
        let i = self.tokens.partition_point(|t| (t.start as usize) < pos);
        i > 0
            && matches!(
                &self.tokens[i - 1].tok,
                Tok::Var | Tok::Let | Tok::Const | Tok::Using
            )
    }

    /// Is the token at `pos` preceded by the identifier `await` (not a keyword here)?
    /// The span of an `await` identifier right before the token at `pos`, if there is one.
    fn await_identifier_before(&self, pos: usize) -> Option<Span> {
        let i = self.tokens.partition_point(|t| (t.start as usize) < pos);
        let t = self.tokens.get(i.checked_sub(1)?)?;
        match &t.tok {
            Tok::Ident(n) if n.to_rust_string() == "await" => {
                Some(Span::new(t.start as usize, t.end() as usize))
            }
            _ => None,
        }
    }

    /// Is the token at `pos` directly inside the argument list of a call (`f(a b)`)? Finds the
    /// innermost unclosed `(` and looks at the token before it.
    fn in_call_args(&self, pos: usize) -> bool {
        let end = self.tokens.partition_point(|t| (t.start as usize) < pos);
        let mut depth = 0usize;
        for i in (0..end).rev() {
            match self.tokens[i].tok {
                Tok::RParen | Tok::RBracket | Tok::RBrace => depth += 1,
                Tok::LBracket | Tok::LBrace | Tok::ArrowLBrace => {
                    if depth == 0 {
                        return false;
                    }
                    depth -= 1;
                }
                Tok::LParen if depth > 0 => depth -= 1,
                Tok::LParen => {
                    let before = i.checked_sub(1).map(|j| &self.tokens[j].tok);
                    let before2 = i.checked_sub(2).map(|j| &self.tokens[j].tok);
                    let callee = matches!(
                        before,
                        Some(
                            Tok::Ident(_)
                                | Tok::RParen
                                | Tok::RBracket
                                | Tok::Super
                                | Tok::This
                                | Tok::TemplateTail(_)
                                | Tok::NoSubTemplate(_)
                        )
                    );
                    let declared = matches!(
                        before2,
                        Some(Tok::Function | Tok::Star | Tok::Get | Tok::Set | Tok::Async)
                    ) || self.tokens[..i]
                        .last()
                        .is_some_and(|t| t.tok == Tok::RParen);
                    return callee && !declared;
                }
                _ => {}
            }
        }
        false
    }

    fn token_message(&self, t: &Tok, span: Span) -> String {
        let text = self.text(span);
        match t {
            // V8 scans `await` as its own token everywhere (an identifier only by the
            // parser's leave), and reports an unexpected `await` or `enum` token as
            // kUnexpectedReserved: `for await` outside an async function.
            Tok::Await | Tok::Enum => "Unexpected reserved word".into(),
            Tok::Ident(n) if n.to_rust_string() == "await" => "Unexpected reserved word".into(),
            Tok::Ident(n) => {
                let n = n.to_rust_string();
                if self.strict && is_strict_reserved(&n) {
                    "Unexpected strict mode reserved word".into()
                } else {
                    format!("Unexpected identifier '{n}'")
                }
            }
            Tok::Let | Tok::Static | Tok::Yield if self.strict => {
                "Unexpected strict mode reserved word".into()
            }
            Tok::Let | Tok::Static | Tok::Async | Tok::Of | Tok::Get | Tok::Set => {
                format!("Unexpected identifier '{text}'")
            }
            Tok::Num(_) | Tok::NumElem(_) | Tok::BigInt(_) => "Unexpected number".into(),
            Tok::Str(_) => "Unexpected string".into(),
            Tok::NoSubTemplate(_)
            | Tok::TemplateHead(_)
            | Tok::TemplateMiddle(_)
            | Tok::TemplateTail(_) => "Unexpected template string".into(),
            Tok::Regex(..) => "Unexpected regular expression".into(),
            Tok::StarStar => "Unary operator used immediately before exponentiation expression. \
                              Parenthesis must be used to disambiguate operator precedence"
                .into(),
            Tok::AutoSemi => "Unexpected token ';'".into(),
            // `a + b = c`: the grammar only allows `=` after a left-hand-side expression.
            t if t.is_assignment_operator() => "Invalid left-hand side in assignment".into(),
            Tok::PrivateName(_) => format!("Unexpected identifier '{text}'"),
            _ => format!("Unexpected token '{text}'"),
        }
    }

    /// Error recovery reached a `Semi`: accept it as automatic semicolon insertion if the
    /// offending token follows a line terminator, is `}`, or is the end of input — and recovery
    /// neither dropped input tokens nor popped parsed symbols (then the recovery symbol spans
    /// exactly the gap before the offending token).
    pub fn asi(&self, e: ErrorRecovery<usize, Tok, SyntaxError>, l: usize, r: usize) {
        let ok = e.dropped_tokens.is_empty()
            && match &e.error {
                ParseError::UnrecognizedToken {
                    token: (s, tok, _), ..
                } => {
                    r == *s
                        && (*tok == Tok::RBrace || self.nl_before(*s))
                        && !(matches!(tok, Tok::NoSubTemplate(_) | Tok::TemplateHead(_))
                            && self.optional_chain_ends_before(*s))
                }
                ParseError::UnrecognizedEof { .. } => l == r,
                _ => false,
            };
        if !ok {
            let err = self.convert(e.error);
            self.errors.borrow_mut().push(err);
        }
    }

    /// After `do ... while (x)` a missing semicolon is always inserted.
    pub fn do_asi(&self, e: ErrorRecovery<usize, Tok, SyntaxError>) {
        let ok = e.dropped_tokens.is_empty()
            && matches!(
                e.error,
                ParseError::UnrecognizedToken { .. } | ParseError::UnrecognizedEof { .. }
            );
        if !ok {
            let err = self.convert(e.error);
            self.errors.borrow_mut().push(err);
        }
    }

    /// Does this body start with a `"use strict"` directive (exact raw text, no escapes)?
    fn has_use_strict(&self, body: &[Stmt]) -> bool {
        for s in body {
            let StmtKind::Expr(e) = &s.kind else {
                return false;
            };
            if !matches!(e.kind, ExprKind::String(_)) {
                return false;
            }
            let raw = self.text(e.span);
            if raw == "\"use strict\"" || raw == "'use strict'" {
                return true;
            }
        }
        false
    }

    #[allow(clippy::too_many_arguments)]
    pub fn function(
        &self,
        name: Option<Ident>,
        kind: FunctionKind,
        is_async: bool,
        is_generator: bool,
        params: Params,
        body: FunctionBody,
        span: Span,
    ) -> Rc<Function> {
        Rc::new(self.make_function(name, kind, is_async, is_generator, params, body, span))
    }

    #[allow(clippy::too_many_arguments)]
    fn make_function(
        &self,
        name: Option<Ident>,
        kind: FunctionKind,
        is_async: bool,
        is_generator: bool,
        params: Params,
        body: FunctionBody,
        span: Span,
    ) -> Function {
        let has_use_strict = match &body {
            FunctionBody::Block(b) => self.has_use_strict(b),
            FunctionBody::Expr(_) => false,
        };
        if has_use_strict {
            self.check_octal_in(span);
        }
        // The lists live as long as the program: no growth slack (two parameters were a
        // four-slot, 544-byte allocation, 20 % of the AST of `function f(a, b) {...}`).
        let (mut params, rest) = params;
        params.shrink_to_fit();
        let body = match body {
            FunctionBody::Block(mut b) => {
                b.shrink_to_fit();
                FunctionBody::Block(b)
            }
            body => body,
        };
        Function {
            name,
            kind,
            is_async,
            is_generator,
            params,
            rest: rest.map(Box::new),
            body,
            has_use_strict,
            is_derived_ctor: false,
            span,
            scope: Default::default(),
            inferred_name: Default::default(),
        }
    }

    pub fn method(
        &self,
        is_async: bool,
        is_generator: bool,
        f: (Params, Vec<Stmt>),
        span: Span,
    ) -> Function {
        self.make_function(
            None,
            FunctionKind::Method,
            is_async,
            is_generator,
            f.0,
            FunctionBody::Block(f.1),
            span,
        )
    }

    pub fn class_method(
        &self,
        is_static: bool,
        m: (PropName, MethodKind, Rc<Function>),
    ) -> ClassElement {
        ClassElement::Method {
            key: m.0,
            kind: m.1,
            is_static,
            func: m.2,
        }
    }

    pub fn field(
        &self,
        is_static: bool,
        key: PropName,
        init: Option<Expr>,
        span: Span,
    ) -> ClassElement {
        let init = init.map(|e| {
            let span = e.span;
            self.function(
                None,
                FunctionKind::ClassField,
                false,
                false,
                (vec![], None),
                FunctionBody::Expr(Box::new(e)),
                span,
            )
        });
        ClassElement::Field {
            key,
            is_static,
            init,
            span,
        }
    }

    pub fn static_block(&self, body: Vec<Stmt>, span: Span) -> ClassElement {
        ClassElement::StaticBlock(self.function(
            None,
            FunctionKind::ClassField,
            false,
            false,
            (vec![], None),
            FunctionBody::Block(body),
            span,
        ))
    }

    /// Builds a class, moving the explicit `constructor` method into `Class::constructor`.
    pub fn class(
        &self,
        name: Option<Ident>,
        tail: (Option<Box<Expr>>, Vec<ClassElement>),
        span: Span,
    ) -> Rc<Class> {
        let (super_class, elements) = tail;
        self.check_octal_in(span);
        self.check_class_elements(name.as_ref(), &elements);
        let mut constructor: Option<Rc<Function>> = None;
        let mut rest = Vec::with_capacity(elements.len());
        for el in elements {
            match el {
                ClassElement::Method {
                    key: PropName::Static(ref k),
                    kind: MethodKind::Method,
                    is_static: false,
                    ref func,
                } if k.units() == "constructor".encode_utf16().collect::<Vec<_>>().as_slice()
                    && !func.is_async
                    && !func.is_generator =>
                {
                    let ClassElement::Method { func, .. } = el else {
                        unreachable!()
                    };
                    if constructor.is_some() {
                        self.errors.borrow_mut().push(SyntaxError::new(
                            "A class may only have one constructor",
                            func.span,
                        ));
                        continue;
                    }
                    let f = match Rc::try_unwrap(func) {
                        Ok(mut f) => {
                            f.kind = FunctionKind::ClassConstructor;
                            f.is_derived_ctor = super_class.is_some();
                            Rc::new(f)
                        }
                        Err(f) => f,
                    };
                    constructor = Some(f);
                }
                ClassElement::Method {
                    key: PropName::Static(ref k),
                    is_static: false,
                    ref func,
                    ..
                } if k.units() == "constructor".encode_utf16().collect::<Vec<_>>().as_slice() => {
                    self.errors.borrow_mut().push(SyntaxError::new(
                        "Class constructor may not be a special method",
                        func.span,
                    ));
                }
                el => rest.push(el),
            }
        }
        Rc::new(Class {
            name,
            super_class,
            constructor,
            elements: rest,
            span,
            scope: Default::default(),
            inferred_name: Default::default(),
        })
    }

    /// Class-level early errors that need no scope information: the class name (class code is
    /// strict), fields named `constructor` / static `prototype`, duplicate private names.
    fn check_class_elements(&self, name: Option<&Ident>, elements: &[ClassElement]) {
        let mut errors = self.errors.borrow_mut();
        if let Some(n) = name {
            if is_strict_reserved(&n.name.to_rust_string()) {
                errors.push(SyntaxError::new(
                    "Unexpected strict mode reserved word",
                    n.span,
                ));
            }
        }
        // Private names seen so far: (name, static, kind) where kind 0 = field/method,
        // 1 = getter, 2 = setter.
        let mut privates: Vec<(String, bool, u8)> = Vec::new();
        for el in elements {
            let (key, is_static, kind, span) = match el {
                ClassElement::Method {
                    key,
                    kind,
                    is_static,
                    func,
                } => {
                    let k = match kind {
                        MethodKind::Method => 0,
                        MethodKind::Get => 1,
                        MethodKind::Set => 2,
                    };
                    (key, *is_static, k, func.span)
                }
                ClassElement::Field {
                    key,
                    is_static,
                    span,
                    ..
                } => {
                    if let PropName::Static(n) = key {
                        let n = n.to_rust_string();
                        if n == "constructor" {
                            errors.push(SyntaxError::new(
                                "Classes may not have a field named 'constructor'",
                                *span,
                            ));
                        } else if *is_static && n == "prototype" {
                            errors.push(SyntaxError::new(
                                "Classes may not have a static property named 'prototype'",
                                *span,
                            ));
                        }
                    }
                    (key, *is_static, 0, *span)
                }
                ClassElement::StaticBlock(_) => continue,
            };
            match key {
                PropName::Private(id) => {
                    let n = id.name.to_rust_string();
                    if n == "constructor" {
                        errors.push(SyntaxError::new(
                            "Classes may not have a private field named '#constructor'",
                            id.span,
                        ));
                    }
                    let clash = privates.iter().any(|(pn, ps, pk)| {
                        *pn == n && !(*ps == is_static && *pk + kind == 3 && *pk != 0 && kind != 0)
                    });
                    if clash {
                        errors.push(SyntaxError::new(
                            format!("Identifier '#{n}' has already been declared"),
                            id.span,
                        ));
                    }
                    privates.push((n, is_static, kind));
                }
                PropName::Static(n)
                    if is_static
                        && n.to_rust_string() == "prototype"
                        && matches!(el, ClassElement::Method { .. }) =>
                {
                    errors.push(SyntaxError::new(
                        "Classes may not have a static property named 'prototype'",
                        span,
                    ));
                }
                _ => {}
            }
        }
    }

    pub fn key_value(&self, k: PropName, v: Expr) -> PResult<PropDef> {
        if let PropName::Private(id) = &k {
            return user(format!("Unexpected identifier '#{}'", id.name), id.span);
        }
        Ok(PropDef::KeyValue(k, v))
    }

    pub fn object_method(&self, m: (PropName, MethodKind, Rc<Function>)) -> PResult<PropDef> {
        if let PropName::Private(id) = &m.0 {
            return user(format!("Unexpected identifier '#{}'", id.name), id.span);
        }
        Ok(PropDef::Method {
            key: m.0,
            kind: m.1,
            func: m.2,
        })
    }

    /// An identifier reference or binding: reserved words can only get here escaped
    /// (`bre\u0061k`) or as object-literal shorthands (`{ default }`).
    pub fn ident(&self, name: JsStr, span: Span) -> PResult<Ident> {
        let mut buf = [0; 16];
        if let Some(n) = name
            .as_keyword_candidate(&mut buf)
            .filter(|n| lexer::is_reserved_word(n))
        {
            if self.text(span) != n {
                return user("Keyword must not contain escaped characters", span);
            }
            return user(format!("Unexpected token '{n}'"), span);
        }
        Ok(Ident::new(name, span))
    }

    /// Strict code (a `"use strict"` function or a class) may not contain legacy octal.
    fn check_octal(&self, span: Span) -> Result<(), SyntaxError> {
        let (lo, hi) = (span.start as usize, span.end as usize);
        let i = self.legacy_octal.partition_point(|o| o.0 < lo);
        match self.legacy_octal.get(i) {
            Some(&(s, e, esc)) if e <= hi => Err(SyntaxError::new(
                if esc {
                    "Octal escape sequences are not allowed in strict mode."
                } else {
                    "Octal literals are not allowed in strict mode."
                },
                sp(s, e),
            )),
            _ => Ok(()),
        }
    }

    fn check_octal_in(&self, span: Span) {
        if let Err(e) = self.check_octal(span) {
            self.errors.borrow_mut().push(e);
        }
    }

    /// `if (x) function f() {}` / `l: function f() {}`: only plain functions, only sloppy.
    pub fn annex_b_function(&self, f: Rc<Function>, span: Span) -> PResult<Stmt> {
        if f.is_async || f.is_generator || self.strict {
            return user(
                "In strict mode code, functions can only be declared at top level or inside a block.",
                span,
            );
        }
        Ok(Stmt::new(StmtKind::Function(f), span))
    }

    /// `{ __proto__: a, __proto__: b }` is an error unless the literal becomes a pattern;
    /// recorded like a cover initializer (and cleared by `to_pattern`).
    pub fn check_duplicate_proto(&self, props: &[PropDef], span: Span) {
        let n = props
            .iter()
            .filter(|p| {
                matches!(p, PropDef::KeyValue(PropName::Static(k), _)
                    if k.units() == "__proto__".encode_utf16().collect::<Vec<_>>().as_slice())
            })
            .count();
        if n > 1 {
            self.dup_proto.borrow_mut().push(span);
        }
    }

    /// Records a spread element followed by a trailing comma.
    pub fn rest_with_comma(&self, span: Span) {
        self.rest_with_comma.borrow_mut().push(span);
    }

    fn check_rest(&self, e: &Expr) -> PResult<()> {
        if self.rest_with_comma.borrow().contains(&e.span) {
            return user("Rest element must be last element", e.span);
        }
        Ok(())
    }

    /// Getters take no parameters; setters exactly one (not a rest parameter).
    pub fn accessor(
        &self,
        kind: MethodKind,
        f: (Params, Vec<Stmt>),
        span: Span,
    ) -> PResult<Function> {
        let (params, rest) = &f.0;
        if kind == MethodKind::Get && (!params.is_empty() || rest.is_some()) {
            return user("Getter must not have any formal parameters.", span);
        }
        if kind == MethodKind::Set {
            if rest.is_some() {
                return user(
                    "Setter function argument must not be a rest parameter",
                    span,
                );
            }
            if params.len() != 1 {
                return user("Setter must have exactly one formal parameter.", span);
            }
        }
        Ok(self.method(false, false, f, span))
    }

    /// `{ x = 1 }`: only valid if the object literal later becomes a pattern.
    pub fn cover_init(&self, id: Ident, v: Expr) -> PropDef {
        self.cover_inits.borrow_mut().push(id.span);
        PropDef::CoverInit(Box::new(id), v)
    }

    // ---- modules: import/export are desugared into declarations ----------------------------

    /// Rejects a module-only form outside module code (V8's messages for a CommonJS file).
    pub fn module_only(&self, what: &str, span: Span) -> PResult<()> {
        if self.module {
            return Ok(());
        }
        if what == "import" {
            user("Cannot use import statement outside a module", span)
        } else {
            user(format!("Unexpected token '{what}'"), span)
        }
    }

    /// Checks that the identifier token `got` is the contextual keyword `want` (`as`, `from`).
    pub fn contextual(&self, got: &JsStr, want: &str, span: Span) -> PResult<()> {
        if got.to_rust_string() == want {
            self.check_unescaped(want, span)
        } else {
            user(format!("Unexpected identifier '{got}'"), span)
        }
    }

    /// The index of a module request, added in source order (ModuleRequests).
    fn request(
        &self,
        specifier: JsStr,
        attributes: Vec<(JsStr, JsStr)>,
        span: Span,
    ) -> PResult<usize> {
        for (i, (k, _)) in attributes.iter().enumerate() {
            if attributes[..i].iter().any(|(k2, _)| k2 == k) {
                return user(format!("Import attribute has duplicate key '{k}'"), span);
            }
        }
        let req = crate::ast::ModuleRequest {
            specifier,
            attributes,
        };
        let mut items = self.module_items.borrow_mut();
        if let Some(i) = items.requests.iter().position(|r| *r == req) {
            return Ok(i);
        }
        items.requests.push(req);
        Ok(items.requests.len() - 1)
    }

    /// A string used as a module export name must be well-formed Unicode.
    pub fn check_export_name_string(&self, s: &JsStr, span: Span) -> PResult<()> {
        if String::from_utf16(s.units()).is_err() {
            return user(
                "Invalid module export name: contains unpaired surrogate",
                span,
            );
        }
        Ok(())
    }

    fn export_entry(&self, e: crate::ast::ExportEntry) {
        self.module_items.borrow_mut().exports.push(e);
    }

    fn local_export(&self, name: JsStr, local: JsStr, span: Span) {
        self.export_entry(crate::ast::ExportEntry {
            export_name: Some(name),
            request: None,
            import_name: crate::ast::ExportImportName::None,
            local_name: Some(local),
            span,
        });
    }

    /// `import d, { a as b } from "m"` → `const d = <import binding>, b = <import binding>;`
    /// with the import entries recorded (module linking makes the bindings indirect);
    /// `import "m"` → an empty statement and a request.
    pub fn import_decl(
        &self,
        clause: ImportClause,
        from: JsStr,
        source: JsStr,
        attributes: Vec<(JsStr, JsStr)>,
        span: Span,
    ) -> PResult<Stmt> {
        self.module_only("import", span)?;
        self.contextual(&from, "from", span)?;
        let request = self.request(source, attributes, span)?;
        let mut bindings: Vec<(Option<JsStr>, Ident)> = Vec::new();
        if let Some(d) = clause.default {
            bindings.push((Some(JsStr::intern("default")), d));
        }
        if let Some(ns) = clause.namespace {
            bindings.push((None, ns));
        }
        for (imported, local) in clause.named {
            bindings.push((Some(imported), local));
        }
        let mut decls = Vec::new();
        for (import_name, local) in bindings {
            self.module_items
                .borrow_mut()
                .imports
                .push(crate::ast::ImportEntry {
                    request,
                    import_name,
                    local_name: local.name.clone(),
                    span: local.span,
                });
            let lspan = local.span;
            decls.push(Declarator {
                target: Pattern::Ident(local),
                init: Some(Box::new(Expr::new(ExprKind::ImportBinding, lspan))),
                span: lspan,
            });
        }
        if decls.is_empty() {
            return Ok(Stmt::new(StmtKind::Empty, span));
        }
        Ok(Stmt::new(
            StmtKind::Var(VarDecl::new(VarKind::Const, decls)),
            span,
        ))
    }

    /// `export <declaration>`: the declaration, its bound names exported.
    pub fn export_decl(&self, decl: Stmt, span: Span) -> PResult<Stmt> {
        self.module_only("export", span)?;
        let mut names = Vec::new();
        match &decl.kind {
            StmtKind::Var(v) => {
                for d in &v.decls {
                    bound_names(&d.target, &mut names);
                }
            }
            StmtKind::Function(f) => names.extend(f.name.as_ref().map(|n| n.name.clone())),
            StmtKind::Class(c) => names.extend(c.name.as_ref().map(|n| n.name.clone())),
            _ => {}
        }
        for n in names {
            self.local_export(n.clone(), n, span);
        }
        Ok(decl)
    }

    /// `export default function f() {}` (or anonymous: bound to `default`).
    pub fn export_default_decl(&self, decl: Stmt, span: Span) -> PResult<Stmt> {
        self.module_only("export", span)?;
        if let StmtKind::Function(f) = &decl.kind {
            if let Some(n) = &f.name {
                self.local_export(JsStr::intern("default"), n.name.clone(), span);
            }
        }
        Ok(decl)
    }

    /// `export default class {}`: a class declaration bound to `default` when anonymous.
    pub fn export_default_class(
        &self,
        name: Option<Ident>,
        tail: (Option<Box<Expr>>, Vec<ClassElement>),
        class_span: Span,
        span: Span,
    ) -> PResult<Stmt> {
        self.module_only("export", span)?;
        let name = name.unwrap_or_else(|| Ident::new(JsStr::intern("default"), class_span));
        self.local_export(JsStr::intern("default"), name.name.clone(), span);
        let c = self.class(Some(name), tail, class_span);
        Ok(Stmt::new(StmtKind::Class(c), span))
    }

    /// `export default <expression>;` → `const default = <expression>;` (an anonymous
    /// function or class is named "default", as the spec's NamedEvaluation does).
    pub fn export_default_expr(&self, e: Expr, span: Span) -> PResult<Stmt> {
        self.module_only("export", span)?;
        let name = JsStr::intern("default");
        self.local_export(name.clone(), name.clone(), span);
        let decl = Declarator {
            target: Pattern::Ident(Ident::new(name, span)),
            init: Some(Box::new(e)),
            span,
        };
        Ok(Stmt::new(
            StmtKind::Var(VarDecl::new(VarKind::Const, vec![decl])),
            span,
        ))
    }

    /// `export { a, b as c };`: local exports (checked against the module's declarations
    /// when it is linked); nothing to run.
    pub fn export_list(&self, specs: Vec<ExportSpec>, span: Span) -> PResult<Stmt> {
        self.module_only("export", span)?;
        for sp in &specs {
            if sp.local.1 {
                return user("Unexpected string", sp.span);
            }
            if is_reserved_word(&sp.local.0.to_rust_string()) {
                return user("Unexpected reserved word", sp.span);
            }
            if sp.exported.1 {
                self.check_export_name_string(&sp.exported.0, sp.span)?;
            }
            self.local_export(sp.exported.0.clone(), sp.local.0.clone(), sp.span);
        }
        Ok(Stmt::new(StmtKind::Empty, span))
    }

    /// `export { a as b } from "m"`, `export * from "m"`, `export * as ns from "m"`.
    pub fn export_from(
        &self,
        specs: Option<Vec<ExportSpec>>,
        star_as: Option<JsStr>,
        from: JsStr,
        source: JsStr,
        attributes: Vec<(JsStr, JsStr)>,
        span: Span,
    ) -> PResult<Stmt> {
        self.module_only("export", span)?;
        self.contextual(&from, "from", span)?;
        let request = Some(self.request(source, attributes, span)?);
        use crate::ast::{ExportEntry, ExportImportName};
        match specs {
            Some(specs) => {
                for sp in specs {
                    for (n, is_str) in [&sp.local, &sp.exported] {
                        if *is_str {
                            self.check_export_name_string(n, sp.span)?;
                        }
                    }
                    self.export_entry(ExportEntry {
                        export_name: Some(sp.exported.0),
                        request,
                        import_name: ExportImportName::Name(sp.local.0),
                        local_name: None,
                        span: sp.span,
                    });
                }
            }
            None => {
                if let Some(n) = &star_as {
                    self.check_export_name_string(n, span)?;
                }
                let import_name = if star_as.is_some() {
                    ExportImportName::All
                } else {
                    ExportImportName::AllButDefault
                };
                self.export_entry(ExportEntry {
                    export_name: star_as,
                    request,
                    import_name,
                    local_name: None,
                    span,
                });
            }
        }
        Ok(Stmt::new(StmtKind::Empty, span))
    }

    /// `new C(args)` / `new C`: `import(...)` is not a constructor expression
    /// (`new import(x)` is a SyntaxError, also under member accesses).
    pub fn new_expr(&self, callee: Expr, args: Vec<Arg>, span: Span) -> PResult<Expr> {
        let mut base = &callee;
        loop {
            match &base.kind {
                ExprKind::Member { object, .. } => base = object,
                ExprKind::TaggedTemplate { tag, .. } => base = tag,
                _ => break,
            }
        }
        if matches!(base.kind, ExprKind::ImportCall(..)) {
            return user("Cannot use new with import", base.span);
        }
        Ok(Expr::new(
            ExprKind::New {
                callee: Box::new(callee),
                args,
            },
            span,
        ))
    }

    /// A contextual keyword (`as`, `from`, `meta`) written with escapes is not the keyword.
    fn check_unescaped(&self, word: &str, span: Span) -> PResult<()> {
        let i = self
            .tokens
            .partition_point(|t| (t.start as usize) < span.start as usize);
        for t in &self.tokens[i..] {
            if (t.start as usize) >= span.end as usize {
                break;
            }
            if let Tok::Ident(n) = &t.tok {
                if n.to_rust_string() == word
                    && self.src.get((t.start as usize)..(t.end() as usize)) != Some(word)
                {
                    return user(
                        "Keywords cannot contain escape characters",
                        sp(t.start as usize, t.end() as usize),
                    );
                }
            }
        }
        Ok(())
    }

    /// `import.meta`.
    pub fn import_meta(&self, meta: JsStr, span: Span) -> PResult<Expr> {
        self.check_unescaped("meta", span)?;
        if meta.to_rust_string() != "meta" {
            return user(
                "The only valid meta property for import is 'import.meta'",
                span,
            );
        }
        if !self.module {
            return user("Cannot use 'import.meta' outside a module", span);
        }
        Ok(Expr::new(ExprKind::ImportMeta, span))
    }

    pub fn var_stmt(&self, kind: VarKind, decls: Vec<Declarator>, span: Span) -> PResult<Stmt> {
        self.check_declarators(kind, &decls)?;
        Ok(Stmt::new(StmtKind::Var(VarDecl::new(kind, decls)), span))
    }

    fn check_declarators(&self, kind: VarKind, decls: &[Declarator]) -> PResult<()> {
        for d in decls {
            if kind.is_using() && (d.init.is_none() || !matches!(d.target, Pattern::Ident(_))) {
                // `using` binds identifiers only (V8 reports a pattern the same way).
                let what = if kind == VarKind::AwaitUsing {
                    "await using"
                } else {
                    "using"
                };
                return user(format!("Missing initializer in {what} declaration"), d.span);
            }
            if d.init.is_none() {
                if kind == VarKind::Const {
                    return user("Missing initializer in const declaration", d.span);
                }
                if !matches!(d.target, Pattern::Ident(_)) {
                    return user("Missing initializer in destructuring declaration", d.span);
                }
            }
        }
        Ok(())
    }

    pub fn for_stmt(&self, h: ForHeadP, body: Stmt, span: Span) -> PResult<Stmt> {
        let body = Box::new(body);
        let scope = Default::default();
        let kind = match h {
            ForHeadP::Classic(init, test, update) => {
                let init = match init {
                    None => None,
                    Some((Some(kind), decls, _)) => {
                        self.check_declarators(kind, &decls)?;
                        Some(ForInit::Var(VarDecl::new(kind, decls)))
                    }
                    Some((None, _, Some(e))) => {
                        // An `in` outside parentheses ends the initializer (it is parsed
                        // [~In]): V8 then reads what came before it as a for-in target.
                        if let Some(end) = top_level_in(&e) {
                            // `for (a in b;;)`: a for-in whose `)` is missing.
                            if let ExprKind::Binary(BinaryOp::In, l, _) = &e.kind {
                                if matches!(l.kind, ExprKind::Ident(_) | ExprKind::Member { .. }) {
                                    let after = self.src.get(e.span.end as usize..).unwrap_or("");
                                    let at = e.span.end as usize
                                        + (after.len() - after.trim_start().len());
                                    let tok = after.trim_start().chars().next().unwrap_or(';');
                                    return user(
                                        format!("Unexpected token '{tok}'"),
                                        sp(at, at + tok.len_utf8()),
                                    );
                                }
                            }
                            return user(
                                "Invalid left-hand side in for-loop",
                                sp(e.span.start as usize, end as usize),
                            );
                        }
                        Some(ForInit::Expr(e))
                    }
                    Some((None, _, None)) => None,
                };
                StmtKind::For {
                    init: init.map(Box::new),
                    test: test.map(Box::new),
                    update: update.map(Box::new),
                    body,
                    scope,
                }
            }
            ForHeadP::ExprParen(e) => {
                let end = e.span.end as usize;
                match split_in(e) {
                    Ok((target, right)) => {
                        self.take_for_in_rhs(&right);
                        StmtKind::ForInOf {
                            kind: ForInOfKind::In,
                            left: Box::new(ForHead::Target(
                                self.for_target(target, ForInOfKind::In)?,
                            )),
                            right: Box::new(right),
                            body,
                            scope,
                        }
                    }
                    Err(_) => return user("Unexpected token ')'", sp(end, end + 1)),
                }
            }
            ForHeadP::DeclParen(kind, mut decls) => {
                let end = decls.last().map(|d| d.span.end as usize).unwrap_or(0);
                let single = decls.len() == 1;
                let Some(d) = decls.pop().filter(|_| single) else {
                    return user("Unexpected token ')'", sp(end, end + 1));
                };
                let Some(init) = d.init else {
                    return user("Unexpected token ')'", sp(end, end + 1));
                };
                match split_in(*init) {
                    Ok((init, right)) => {
                        self.take_for_in_rhs(&right);
                        if kind != VarKind::Var || !matches!(d.target, Pattern::Ident(_)) {
                            return user(
                                "for-in loop variable declaration may not have an initializer.",
                                d.span,
                            );
                        }
                        StmtKind::ForInOf {
                            kind: ForInOfKind::In,
                            left: Box::new(ForHead::Decl {
                                kind,
                                target: d.target,
                                init: Some(init),
                            }),
                            right: Box::new(right),
                            body,
                            scope,
                        }
                    }
                    Err(_) => return user("Unexpected token ')'", sp(end, end + 1)),
                }
            }
            ForHeadP::Decl(ForInOfKind::In, kind, _, _) if kind.is_using() => {
                return user("Invalid 'using' in for-in loop", span);
            }
            ForHeadP::Decl(k, kind, target, right) => StmtKind::ForInOf {
                kind: k,
                left: Box::new(ForHead::Decl {
                    kind,
                    target,
                    init: None,
                }),
                right: Box::new(right),
                body,
                scope,
            },
            ForHeadP::Target(k, target, right) => {
                if let ExprKind::Ident(id) = &target.kind {
                    if k != ForInOfKind::In && self.text(id.span) == "async" && k == ForInOfKind::Of
                    {
                        return user(
                            "The left-hand side of a for-of loop may not be 'async'.",
                            id.span,
                        );
                    }
                }
                StmtKind::ForInOf {
                    kind: k,
                    left: Box::new(ForHead::Target(self.for_target(target, k)?)),
                    right: Box::new(right),
                    body,
                    scope,
                }
            }
        };
        Ok(Stmt::new(kind, span))
    }

    /// The left side of `for (x in/of ...)`: a destructuring or simple assignment target.
    fn for_target(&self, target: Expr, kind: ForInOfKind) -> PResult<Pattern> {
        let span = target.span;
        match &target.kind {
            ExprKind::Object(_) | ExprKind::Array(_) => self.to_pattern(target, Mode::Assign, true),
            _ => simple_target(target).or_else(|_| {
                let which = if kind == ForInOfKind::In {
                    "for-in"
                } else {
                    "for-of"
                };
                user(format!("Invalid left-hand side in {which} loop"), span)
            }),
        }
    }

    /// `a in <rhs>` where `rhs` (an assignment, arrow function or `yield`) is allowed only
    /// because a for-in head takes an Expression after `in`: `for (t in u = {x: 1})`. The
    /// expression grammar cannot know it is in a for-in head (that would need `[In]`
    /// parameters), so `rhs` is remembered and `error` reported unless `for_stmt` splits
    /// the head right at this `in`.
    /// Folds a flat chain `head op1 x1 op2 x2 ...` into the tree the specification's
    /// precedence levels describe (operator precedence with two stacks; equal precedence
    /// groups to the left). Each node spans its operands. `??` mixed with `&&` or `||`
    /// without parentheses is an error at the operator that mixes them, as V8 reports it.
    pub fn binary_chain(
        &self,
        head: BinOperand,
        tail: Vec<(ChainOp, Span, BinOperand)>,
    ) -> PResult<Expr> {
        fn fold(operands: &mut Vec<BinOperand>, op: ChainOp) -> PResult<()> {
            let (Some(b), Some(a)) = (operands.pop(), operands.pop()) else {
                return user("Unexpected token", Span::default());
            };
            let span = a.span().to(b.span());
            let node = match (op, a, b) {
                (_, _, BinOperand::Private(id)) => return unexpected_private(&id),
                (
                    ChainOp::Binary(BinaryOp::In),
                    BinOperand::Private(id),
                    BinOperand::Expr(right),
                ) => Expr::new(
                    ExprKind::PrivateIn {
                        name: id,
                        right: Box::new(right),
                    },
                    span,
                ),
                (_, BinOperand::Private(id), _) => return unexpected_private(&id),
                (ChainOp::Binary(op), BinOperand::Expr(a), BinOperand::Expr(b)) => {
                    binary(op, a, b, span)
                }
                (ChainOp::Logical(op), BinOperand::Expr(a), BinOperand::Expr(b)) => {
                    logical(op, a, b, span)
                }
            };
            operands.push(BinOperand::Expr(node));
            Ok(())
        }
        fn unexpected_private<T>(id: &Ident) -> PResult<T> {
            user(format!("Unexpected identifier '#{}'", id.name), id.span)
        }
        let (mut nullish, mut and_or) = (false, false);
        let mut operands = Vec::with_capacity(tail.len() + 1);
        let mut ops: Vec<ChainOp> = Vec::with_capacity(tail.len());
        operands.push(head);
        for (op, op_span, operand) in tail {
            match op {
                ChainOp::Logical(LogicalOp::Nullish) => nullish = true,
                ChainOp::Logical(_) => and_or = true,
                ChainOp::Binary(_) => {}
            }
            if nullish && and_or && matches!(op, ChainOp::Logical(_)) {
                return user(format!("Unexpected token '{}'", op.text()), op_span);
            }
            while let Some(&top) = ops.last() {
                if top.precedence() < op.precedence() {
                    break;
                }
                ops.pop();
                fold(&mut operands, top)?;
            }
            ops.push(op);
            operands.push(operand);
        }
        while let Some(op) = ops.pop() {
            fold(&mut operands, op)?;
        }
        match operands.pop() {
            Some(BinOperand::Expr(e)) if operands.is_empty() => Ok(e),
            Some(BinOperand::Private(id)) => unexpected_private(&id),
            _ => user("Unexpected token", Span::default()),
        }
    }

    pub fn for_in_rhs(
        &self,
        a: Expr,
        rhs: Expr,
        error: (&'static str, Span),
        span: Span,
    ) -> PResult<Expr> {
        self.for_in_rhs.borrow_mut().push((rhs.span, error));
        Ok(binary(BinaryOp::In, a, rhs, span))
    }

    /// A for-in head was split into `target in right`: the remembered right operand that
    /// `right` starts with (see `for_in_rhs`) is legal.
    fn take_for_in_rhs(&self, right: &Expr) {
        let first = match &right.kind {
            ExprKind::Sequence(v) => v.first(),
            _ => Some(right),
        };
        if let Some(first) = first {
            self.for_in_rhs
                .borrow_mut()
                .retain(|(s, _)| *s != first.span);
        }
    }

    pub fn assign(&self, t: Expr, op: AssignOp, v: Expr, span: Span) -> PResult<Expr> {
        let target = match (&t.kind, op) {
            (ExprKind::Object(_) | ExprKind::Array(_), AssignOp::Assign) => {
                self.to_pattern(t, Mode::Assign, true)?
            }
            _ => simple_target(t).map_err(|span| ParseError::User {
                error: SyntaxError::new("Invalid left-hand side in assignment", span),
            })?,
        };
        if let (AssignOp::Assign | AssignOp::Logical(_), Pattern::Expr(t)) = (op, &target) {
            if names_a_literal(&v) {
                infer_function_names(&v, &inferred_target_name(t));
            }
        }
        Ok(Expr::new(
            ExprKind::Assign {
                op,
                target: Box::new(target),
                value: Box::new(v),
            },
            span,
        ))
    }

    pub fn update(&self, op: UpdateOp, prefix: bool, e: Expr, span: Span) -> PResult<Expr> {
        let target = match simple_target(e) {
            Ok(Pattern::Ident(id)) => {
                let s = id.span;
                Expr::new(ExprKind::Ident(id), s)
            }
            Ok(Pattern::Expr(e)) => *e,
            Ok(_) | Err(_) => {
                let msg = if prefix {
                    "Invalid left-hand side expression in prefix operation"
                } else {
                    "Invalid left-hand side expression in postfix operation"
                };
                return user(msg, span);
            }
        };
        Ok(Expr::new(
            ExprKind::Update {
                op,
                prefix,
                target: Box::new(target),
            },
            span,
        ))
    }

    /// A parenthesized list used as an expression.
    pub fn cover_expr(&self, c: Cover) -> PResult<Expr> {
        let close = sp(c.span.end as usize - 1, c.span.end as usize);
        if let Some(rest) = &c.rest {
            let s = rest.span().start as usize;
            return user("Unexpected token '...'", sp(s.saturating_sub(3), s));
        }
        if c.items.is_empty() || c.trailing_comma {
            return user("Unexpected token ')'", close);
        }
        let mut items = c.items;
        let inner = if items.len() == 1 {
            items.pop().expect("one item")
        } else {
            let s = items[0].span.to(items[items.len() - 1].span);
            Expr::new(ExprKind::Sequence(items), s)
        };
        Ok(Expr::new(ExprKind::Paren(Box::new(inner)), c.span))
    }

    pub fn arrow(
        &self,
        is_async: bool,
        p: ArrowParams,
        arrow_pos: usize,
        body: ArrowBody,
        span: Span,
    ) -> PResult<Expr> {
        let params = match p {
            ArrowParams::Ident(i) => (
                vec![Param {
                    target: Pattern::Ident(i),
                    default: None,
                }],
                None,
            ),
            ArrowParams::Cover(c) => {
                let mut params = Vec::new();
                for e in c.items {
                    params.push(self.param_from_expr(e)?);
                }
                (params, c.rest)
            }
        };
        self.make_arrow(is_async, params, arrow_pos, body, span)
    }

    fn make_arrow(
        &self,
        is_async: bool,
        params: Params,
        arrow_pos: usize,
        body: ArrowBody,
        span: Span,
    ) -> PResult<Expr> {
        if self.nl_before(arrow_pos) {
            return user("Unexpected token '=>'", sp(arrow_pos, arrow_pos + 2));
        }
        let body = match body {
            ArrowBody::Block(b) => FunctionBody::Block(b),
            ArrowBody::Expr(e) => FunctionBody::Expr(Box::new(e)),
        };
        let f = self.function(
            None,
            FunctionKind::Arrow,
            is_async,
            false,
            params,
            body,
            span,
        );
        Ok(Expr::new(ExprKind::Arrow(f), span))
    }

    /// `async(a, b) => ...`, parsed as a call of `async` and reinterpreted.
    pub fn async_arrow(
        &self,
        call: Expr,
        arrow_pos: usize,
        body: ArrowBody,
        span: Span,
    ) -> PResult<Expr> {
        let malformed = || user("Malformed arrow function parameter list", call.span);
        let ExprKind::Call {
            callee,
            args,
            optional: false,
            ..
        } = call.kind
        else {
            return malformed();
        };
        let ExprKind::Ident(id) = &callee.kind else {
            return malformed();
        };
        if self.text(id.span) != "async" {
            return malformed();
        }
        // `async` and `(` must be on the same line.
        let after = &self.src[id.span.end as usize..];
        let paren = after.find('(').unwrap_or(0);
        if lexer::has_line_terminator(&after[..paren]) {
            return user("Unexpected token '=>'", sp(arrow_pos, arrow_pos + 2));
        }
        let mut params = Vec::new();
        let mut rest = None;
        let n = args.len();
        for (i, a) in args.into_iter().enumerate() {
            match a {
                Arg::Expr(e) => params.push(self.param_from_expr(e)?),
                Arg::Spread(e) if i + 1 == n => {
                    self.check_rest(&e)?;
                    rest = Some(self.to_pattern(e, Mode::Binding, false)?)
                }
                Arg::Spread(e) => {
                    return user("Rest parameter must be last formal parameter", e.span)
                }
            }
        }
        self.make_arrow(true, (params, rest), arrow_pos, body, span)
    }

    fn param_from_expr(&self, e: Expr) -> PResult<Param> {
        if let ExprKind::Assign {
            op: AssignOp::Assign,
            ..
        } = &e.kind
        {
            let ExprKind::Assign { target, value, .. } = e.kind else {
                unreachable!()
            };
            check_binding(&target)?;
            return Ok(Param {
                target: *target,
                default: Some(value),
            });
        }
        Ok(Param {
            target: self.to_pattern(e, Mode::Binding, false)?,
            default: None,
        })
    }

    /// Reinterprets an expression as a destructuring pattern (assignment target or, for arrow
    /// parameters, a binding pattern).
    fn to_pattern(&self, e: Expr, mode: Mode, top: bool) -> PResult<Pattern> {
        // Deeply nested literals must not overflow the stack.
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
            self.to_pattern_inner(e, mode, top)
        })
    }

    fn to_pattern_inner(&self, e: Expr, mode: Mode, top: bool) -> PResult<Pattern> {
        let invalid = |span| {
            let msg = match mode {
                Mode::Binding => "Invalid destructuring assignment target",
                Mode::Assign if top => "Invalid left-hand side in assignment",
                Mode::Assign => "Invalid destructuring assignment target",
            };
            user(msg, span)
        };
        let span = e.span;
        match e.kind {
            ExprKind::Ident(id) => Ok(Pattern::Ident(id)),
            ExprKind::Member { .. } | ExprKind::SuperMember { .. } if mode == Mode::Assign => {
                Ok(Pattern::Expr(Box::new(e)))
            }
            ExprKind::Paren(inner) if mode == Mode::Assign => match inner.kind {
                ExprKind::Ident(_) | ExprKind::Member { .. } | ExprKind::SuperMember { .. } => {
                    self.to_pattern(*inner, mode, false)
                }
                _ => invalid(span),
            },
            ExprKind::Object(props) => {
                self.dup_proto.borrow_mut().retain(|s| *s != span);
                let mut out = Vec::new();
                let mut rest = None;
                let n = props.len();
                for (i, p) in props.into_iter().enumerate() {
                    match p {
                        PropDef::KeyValue(key, v) => {
                            let pspan = v.span;
                            let (target, default) = self.split_default(v, mode)?;
                            out.push(ObjectPatProp {
                                key,
                                target,
                                default,
                                span: pspan,
                                hint: Default::default(),
                            });
                        }
                        PropDef::Shorthand(id) => out.push(ObjectPatProp {
                            key: PropName::Static(id.name.clone()),
                            span: id.span,
                            target: Pattern::Ident(id),
                            default: None,
                            hint: Default::default(),
                        }),
                        PropDef::CoverInit(id, v) => {
                            self.cover_inits.borrow_mut().retain(|s| *s != id.span);
                            out.push(ObjectPatProp {
                                key: PropName::Static(id.name.clone()),
                                span: id.span.to(v.span),
                                target: Pattern::Ident(*id),
                                default: Some(v),
                                hint: Default::default(),
                            });
                        }
                        PropDef::Spread(e) if i + 1 == n => {
                            self.check_rest(&e)?;
                            if !matches!(
                                e.kind,
                                ExprKind::Ident(_)
                                    | ExprKind::Member { .. }
                                    | ExprKind::SuperMember { .. }
                            ) {
                                return invalid(e.span);
                            }
                            rest = Some(Box::new(self.to_pattern(e, mode, false)?));
                        }
                        PropDef::Spread(e) => {
                            return user("Rest element must be last element", e.span)
                        }
                        PropDef::Method { func, .. } => return invalid(func.span),
                    }
                }
                Ok(Pattern::Object {
                    props: out,
                    rest,
                    span,
                })
            }
            ExprKind::Array(elems) => {
                let mut out = Vec::new();
                let mut rest = None;
                let n = elems.len();
                for (i, el) in elems.into_iter().enumerate() {
                    match el {
                        None => out.push(None),
                        Some(ArrayElem::Expr(e)) => {
                            let (target, default) = self.split_default(e, mode)?;
                            out.push(Some(PatElem { target, default }));
                        }
                        Some(ArrayElem::Spread(e)) if i + 1 == n => {
                            self.check_rest(&e)?;
                            if matches!(e.kind, ExprKind::Assign { .. }) {
                                return invalid(e.span);
                            }
                            rest = Some(Box::new(self.to_pattern(e, mode, false)?));
                        }
                        Some(ArrayElem::Spread(e)) => {
                            return user("Rest element must be last element", e.span)
                        }
                    }
                }
                Ok(Pattern::Array {
                    elems: out,
                    rest,
                    span,
                })
            }
            _ => invalid(span),
        }
    }

    /// `target = default` inside a pattern (already parsed as an assignment expression).
    fn split_default(&self, e: Expr, mode: Mode) -> PResult<(Pattern, Option<Expr>)> {
        match e.kind {
            ExprKind::Assign {
                op: AssignOp::Assign,
                target,
                value,
            } => {
                if mode == Mode::Binding {
                    check_binding(&target)?;
                }
                Ok((*target, Some(*value)))
            }
            _ => Ok((self.to_pattern(e, mode, false)?, None)),
        }
    }

    pub fn new_target(&self, n: JsStr, nspan: Span, span: Span) -> PResult<Expr> {
        if n.to_rust_string() == "target" && self.text(nspan) == "target" {
            Ok(Expr::new(ExprKind::new_target(span), span))
        } else {
            user(format!("Unexpected identifier '{n}'"), nspan)
        }
    }

    /// An untagged template may not contain invalid escapes.
    pub fn untagged_template(&self, t: Rc<Template>, span: Span) -> PResult<Expr> {
        for q in &t.quasis {
            if q.cooked.is_none() {
                let raw = q.raw.to_rust_string();
                let msg = match raw.split('\\').skip(1).find_map(|s| s.chars().next()) {
                    Some('x') => "Invalid hexadecimal escape sequence",
                    Some('u') => "Invalid Unicode escape sequence",
                    Some('8' | '9') => "\\8 and \\9 are not allowed in template strings",
                    _ => "Octal escape sequences are not allowed in template strings",
                };
                return user(msg, span);
            }
        }
        Ok(Expr::new(ExprKind::Template(t), span))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Destructuring assignment: member expressions are valid targets.
    Assign,
    /// Binding pattern (arrow parameters): only identifiers.
    Binding,
}

fn is_strict_reserved(n: &str) -> bool {
    matches!(
        n,
        "implements"
            | "interface"
            | "let"
            | "package"
            | "private"
            | "protected"
            | "public"
            | "static"
            | "yield"
    )
}

/// Binding patterns may not contain member-expression targets.
fn check_binding(p: &Pattern) -> PResult<()> {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || check_binding_inner(p))
}

fn check_binding_inner(p: &Pattern) -> PResult<()> {
    match p {
        Pattern::Ident(_) => Ok(()),
        Pattern::Expr(e) => user("Invalid destructuring assignment target", e.span),
        Pattern::Object { props, rest, .. } => {
            for p in props {
                check_binding(&p.target)?;
            }
            rest.as_deref().map_or(Ok(()), check_binding)
        }
        Pattern::Array { elems, rest, .. } => {
            for e in elems.iter().flatten() {
                check_binding(&e.target)?;
            }
            rest.as_deref().map_or(Ok(()), check_binding)
        }
    }
}

/// V8's `FuncNameInferrer` on an assignment target that is a property reference: the names
/// along the member chain joined with `.` (`this` and `prototype` left out, a computed key
/// other than a string literal as `<computed>`, a call as its callee's names).
fn inferred_target_name(target: &Expr) -> String {
    fn names(e: &Expr, out: &mut Vec<String>) {
        match &e.kind {
            ExprKind::Ident(id) => out.push(id.name.to_rust_string()),
            ExprKind::Paren(inner) => names(inner, out),
            ExprKind::Call { callee, .. } => names(callee, out),
            ExprKind::Member { object, prop, .. } => {
                names(object, out);
                let key = match prop {
                    MemberProp::Ident(n) => n.to_rust_string(),
                    MemberProp::Computed(k) => match &k.kind {
                        ExprKind::String(s) => s.to_rust_string(),
                        _ => "<computed>".to_string(),
                    },
                    MemberProp::Private(id) => format!("#{}", id.name.to_rust_string()),
                };
                if key != "prototype" {
                    out.push(key);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    names(target, &mut out);
    out.join(".")
}

/// Gives `name` to the anonymous function and class literals that `value` evaluates to
/// directly (through parentheses, `?:` branches, `&&`/`||`/`??` operands, the last of a
/// comma expression or an array literal), as V8 names the
/// function literals of an assignment's right-hand side; an assignment chain
/// (`a.b = c.d = function () {}`) joins the targets (`a.b.c.d`).
fn infer_function_names(value: &Expr, name: &str) {
    if name.is_empty() {
        return;
    }
    match &value.kind {
        ExprKind::Function(f) | ExprKind::Arrow(f) if f.name.is_none() => {
            *f.inferred_name.borrow_mut() = Some(JsStr::from(name));
        }
        ExprKind::Class(c) if c.name.is_none() => {
            *c.inferred_name.borrow_mut() = Some(JsStr::from(name));
        }
        ExprKind::Paren(e) => infer_function_names(e, name),
        ExprKind::Conditional { cons, alt, .. } => {
            infer_function_names(cons, name);
            infer_function_names(alt, name);
        }
        ExprKind::Logical(_, a, b) => {
            infer_function_names(a, name);
            infer_function_names(b, name);
        }
        // V8 names only the last literal of a comma expression or an array literal
        // (`x.arr = [function () {}, () => {}]` names the arrow), nested arrays included.
        ExprKind::Sequence(v) => {
            if let Some(last) = v.last() {
                infer_function_names(last, name);
            }
        }
        ExprKind::Array(v) => {
            if let Some(Some(ArrayElem::Expr(last))) = v.last() {
                infer_function_names(last, name);
            }
        }
        ExprKind::Assign {
            op: AssignOp::Assign | AssignOp::Logical(_),
            target,
            value,
        } => {
            if let Pattern::Expr(t) = &**target {
                let inner = inferred_target_name(t);
                if !inner.is_empty() {
                    infer_function_names(value, &format!("{name}.{inner}"));
                }
            }
        }
        _ => {}
    }
}

/// Whether [`infer_function_names`] would reach a function or class literal in `value`
/// (checked first, so that an ordinary `a.b = x` builds no name at parse time).
fn names_a_literal(value: &Expr) -> bool {
    match &value.kind {
        ExprKind::Function(f) | ExprKind::Arrow(f) => f.name.is_none(),
        ExprKind::Class(c) => c.name.is_none(),
        ExprKind::Paren(e) => names_a_literal(e),
        ExprKind::Conditional { cons, alt, .. } => names_a_literal(cons) || names_a_literal(alt),
        ExprKind::Logical(_, a, b) => names_a_literal(a) || names_a_literal(b),
        ExprKind::Sequence(v) => v.last().is_some_and(names_a_literal),
        ExprKind::Array(v) => {
            matches!(v.last(), Some(Some(ArrayElem::Expr(last))) if names_a_literal(last))
        }
        ExprKind::Assign {
            op: AssignOp::Assign | AssignOp::Logical(_),
            target,
            value,
        } => matches!(&**target, Pattern::Expr(_)) && names_a_literal(value),
        _ => false,
    }
}

/// A simple assignment target: identifier or (non-optional) member expression, possibly
/// parenthesized. On failure returns the span to report.
fn simple_target(e: Expr) -> Result<Pattern, Span> {
    match e.kind {
        ExprKind::Ident(id) => Ok(Pattern::Ident(id)),
        ExprKind::Member { .. } | ExprKind::SuperMember { .. } => Ok(Pattern::Expr(Box::new(e))),
        ExprKind::Paren(inner) => match inner.kind {
            ExprKind::Ident(_)
            | ExprKind::Member { .. }
            | ExprKind::SuperMember { .. }
            | ExprKind::Paren(_) => simple_target(*inner),
            _ => Err(e.span),
        },
        _ => Err(e.span),
    }
}

#[allow(clippy::result_large_err)]
/// Splits `for (a in b)` parsed as one expression at its first top-level `in` (the deepest one
/// on the left spine): returns the left-hand side and the rebuilt right-hand expression.
fn split_in(e: Expr) -> Result<(Expr, Expr), Expr> {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || split_in_inner(e))
}

#[allow(clippy::result_large_err)]
fn split_in_inner(e: Expr) -> Result<(Expr, Expr), Expr> {
    let span = e.span;
    match e.kind {
        ExprKind::Binary(op, l, r) => match split_in(*l) {
            Ok((target, nl)) => {
                let s = nl.span.to(r.span);
                Ok((target, Expr::new(ExprKind::Binary(op, Box::new(nl), r), s)))
            }
            Err(l) if op == BinaryOp::In => Ok((l, *r)),
            Err(l) => Err(Expr::new(ExprKind::Binary(op, Box::new(l), r), span)),
        },
        ExprKind::Logical(op, l, r) => match split_in(*l) {
            Ok((target, nl)) => {
                let s = nl.span.to(r.span);
                Ok((target, Expr::new(ExprKind::Logical(op, Box::new(nl), r), s)))
            }
            Err(l) => Err(Expr::new(ExprKind::Logical(op, Box::new(l), r), span)),
        },
        ExprKind::Conditional { test, cons, alt } => match split_in(*test) {
            Ok((target, nt)) => {
                let s = nt.span.to(alt.span);
                Ok((
                    target,
                    Expr::new(
                        ExprKind::Conditional {
                            test: Box::new(nt),
                            cons,
                            alt,
                        },
                        s,
                    ),
                ))
            }
            Err(t) => Err(Expr::new(
                ExprKind::Conditional {
                    test: Box::new(t),
                    cons,
                    alt,
                },
                span,
            )),
        },
        ExprKind::Sequence(mut v) if !v.is_empty() => {
            let first = v.remove(0);
            match split_in(first) {
                Ok((target, nf)) => {
                    let s = nf.span.to(span);
                    v.insert(0, nf);
                    Ok((target, Expr::new(ExprKind::Sequence(v), s)))
                }
                Err(f) => {
                    v.insert(0, f);
                    Err(Expr::new(ExprKind::Sequence(v), span))
                }
            }
        }
        kind => Err(Expr::new(kind, span)),
    }
}

/// Finds an unparenthesized `in` operator (not allowed in a `for(;;)` initializer).
/// Where the left operand of an `in` outside parentheses in a `for` initializer ends, if
/// there is one (the initializer is an Expression[~In]).
fn top_level_in(e: &Expr) -> Option<u32> {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || top_level_in_inner(e))
}

fn top_level_in_inner(e: &Expr) -> Option<u32> {
    match &e.kind {
        ExprKind::Binary(op, l, r) => top_level_in(l).or_else(|| {
            if *op == BinaryOp::In {
                Some(l.span.end)
            } else {
                top_level_in(r)
            }
        }),
        ExprKind::Logical(_, l, r) => top_level_in(l).or_else(|| top_level_in(r)),
        ExprKind::Conditional { test, cons: _, alt } => {
            top_level_in(test).or_else(|| top_level_in(alt))
        }
        ExprKind::Assign { value, .. } => top_level_in(value),
        ExprKind::Sequence(v) => v.iter().find_map(top_level_in),
        ExprKind::Unary(_, x) | ExprKind::Await(x) => top_level_in(x),
        ExprKind::Yield { arg: Some(x), .. } => top_level_in(x),
        ExprKind::PrivateIn { name, .. } => Some(name.span.end),
        _ => None,
    }
}

pub fn binary(op: BinaryOp, a: Expr, b: Expr, span: Span) -> Expr {
    Expr::new(ExprKind::Binary(op, Box::new(a), Box::new(b)), span)
}

pub fn logical(op: LogicalOp, a: Expr, b: Expr, span: Span) -> Expr {
    Expr::new(ExprKind::Logical(op, Box::new(a), Box::new(b)), span)
}

pub fn member(object: Expr, prop: MemberProp, optional: bool, span: Span) -> Expr {
    Expr::new(
        ExprKind::Member {
            object: Box::new(object),
            prop,
            optional,
            hint: std::cell::Cell::new(0),
            site: std::cell::Cell::new(u32::MAX),
        },
        span,
    )
}

/// One `?.` link of an optional chain (the whole chain is wrapped in `OptionalChain` by the
/// grammar).
pub fn opt_link(object: Expr, tail: OptTail, optional: bool, span: Span) -> Expr {
    match tail {
        OptTail::Prop(p) => member(object, p, optional, span),
        OptTail::Call(args, paren) => {
            let mut call = Expr::call(object, args, optional, span);
            // V8 reports a call made with `?.` at its `(`, whatever the callee.
            if let (true, ExprKind::Call { pos, .. }) = (optional, &mut call.kind) {
                *pos = Span {
                    start: paren,
                    end: paren + 1,
                };
            }
            call
        }
    }
}

pub fn template(quasis: Vec<TplChunk>, exprs: Vec<Expr>, span: Span) -> Rc<Template> {
    Rc::new(Template {
        quasis: quasis
            .into_iter()
            .map(|q| TemplateQuasi {
                cooked: q.cooked,
                raw: q.raw,
            })
            .collect(),
        exprs,
        span,
    })
}

/// Number::toString for property keys (`{1.0: x}` has key `"1"`).
pub fn number_to_js_string(n: f64) -> JsStr {
    let mut b = ryu_js::Buffer::new();
    JsStr::intern(b.format(n))
}

#[cfg(test)]
mod tests;
