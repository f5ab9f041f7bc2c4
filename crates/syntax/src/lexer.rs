//! Lexer: source text → tokens for the lalrpop grammar (`grammar/js.lalrpop`).
//!
//! [logos] recognises the context-free tokens (punctuators, ASCII identifiers, numbers,
//! whitespace, comments). Everything that depends on context is done by hand in [`Lexer`], a
//! wrapper iterator:
//!
//! * regex literal vs. division (decided from the previous significant token and a stack of
//!   open parens/brackets/braces, which also classifies each `{` as block, object literal,
//!   class body or function-expression body),
//! * HTML-like comments (`<!--`, and `-->` at the start of a line; Annex B),
//! * template literal chunks (a `}` closing a `${` resumes the template),
//! * strings (escapes, lone surrogates), non-ASCII / escaped identifiers,
//! * contextual keywords: `yield` is a keyword only inside generators, `await` only inside async
//!   functions (tracked with a function-context stack), `async` followed by a newline is a plain
//!   identifier, keywords after `.` or in object-literal key position are plain names, `let` is
//!   a keyword only where a declaration can start (`let x`, `let [`, `let {`), `of` only after a
//!   for-of target,
//! * restricted productions: `return`/`break`/`continue` followed by a newline get an
//!   [`Tok::AutoSemi`]; `throw` + newline is an error; `yield` + newline becomes
//!   [`Tok::YieldNoArg`]; `++`/`--` after a newline become prefix-only tokens.
//!
//! Every token records whether a line terminator precedes it (`nl_before`), which the parser uses
//! for automatic semicolon insertion. The lexer knows nothing about the parser.

use std::collections::VecDeque;
use std::rc::Rc;

use logos::Logos;

use crate::string::JsStr;

/// One chunk of a template literal: the cooked value (`None` if it has an invalid escape,
/// which only tagged templates allow) and the raw source text (CR/CRLF normalised to LF).
#[derive(Clone, Debug, PartialEq)]
pub struct TplChunk {
    pub cooked: Option<JsStr>,
    pub raw: JsStr,
}

/// A token as seen by the grammar.
#[derive(Clone, Debug)]
pub enum Tok {
    Ident(JsStr),
    PrivateName(JsStr),
    Num(f64),
    /// A numeric literal that is a whole element of an array literal (`[1, 2]`: after `[` or
    /// `,` of a bracket opened in expression position, followed by `,` or `]`). The grammar
    /// makes it an element directly, without the expression grammar's chain of unit
    /// reductions (an 8.5 MB array of numbers: 20 reductions an element, issue #12).
    NumElem(f64),
    /// A BigInt literal (`10n`, `0xFFn`).
    BigInt(Rc<num_bigint::BigInt>),
    Str(JsStr),
    Regex(Box<(JsStr, JsStr)>),
    /// `` `...` `` without substitutions.
    NoSubTemplate(Box<TplChunk>),
    /// `` `...${ ``
    TemplateHead(Box<TplChunk>),
    /// `}...${`
    TemplateMiddle(Box<TplChunk>),
    /// `` }...` ``
    TemplateTail(Box<TplChunk>),

    // Reserved words.
    Break,
    Case,
    Catch,
    Class,
    Const,
    Continue,
    Debugger,
    Default,
    Delete,
    Do,
    Else,
    Enum,
    Export,
    Extends,
    False,
    Finally,
    For,
    Function,
    If,
    Import,
    In,
    InstanceOf,
    New,
    Null,
    Return,
    Super,
    Switch,
    This,
    Throw,
    True,
    Try,
    Typeof,
    Var,
    Void,
    While,
    With,
    /// `yield` inside a generator.
    Yield,
    /// `yield` inside a generator, followed by a line terminator: it takes no operand.
    YieldNoArg,
    /// `await` inside an async function (or at top level with `top_level_await`).
    Await,

    // Contextual keywords (also usable as identifiers).
    Let,
    /// `using` starting a `using` / `await using` declaration (see [`Lexer::using_keyword`]).
    Using,
    Static,
    /// `async` not followed by a line terminator.
    Async,
    Of,
    Get,
    Set,

    // Punctuators.
    LBrace,
    /// A `{` directly after `=>`: always an arrow function's block body.
    ArrowLBrace,
    RBrace,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Dot,
    Ellipsis,
    Semi,
    /// A semicolon inserted by the lexer (after `return`/`break`/`continue` + newline).
    AutoSemi,
    Comma,
    Lt,
    Gt,
    LtEq,
    GtEq,
    EqEq,
    NotEq,
    EqEqEq,
    NotEqEq,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    StarStar,
    PlusPlus,
    MinusMinus,
    /// `++` preceded by a line terminator: only a prefix operator (`a\n++b` is `a; ++b`).
    PlusPlusNl,
    MinusMinusNl,
    Shl,
    Shr,
    UShr,
    Amp,
    Pipe,
    Caret,
    Bang,
    Tilde,
    AmpAmp,
    PipePipe,
    QQ,
    Question,
    QDot,
    Colon,
    Assign,
    PlusAssign,
    MinusAssign,
    StarAssign,
    SlashAssign,
    PercentAssign,
    StarStarAssign,
    ShlAssign,
    ShrAssign,
    UShrAssign,
    AmpAssign,
    PipeAssign,
    CaretAssign,
    AmpAmpAssign,
    PipePipeAssign,
    QQAssign,
    Arrow,
}

/// Compares the kind first. (The lexer's own checks against payload-less kinds use
/// `matches!`: `tok == Tok::Of` made and dropped a `Tok` and called the comparison out of
/// line, 5 % of the front end's instructions on 10^6 functions.)
impl PartialEq for Tok {
    #[inline]
    fn eq(&self, other: &Tok) -> bool {
        if std::mem::discriminant(self) != std::mem::discriminant(other) {
            return false;
        }
        match (self, other) {
            (Tok::Ident(a), Tok::Ident(b))
            | (Tok::PrivateName(a), Tok::PrivateName(b))
            | (Tok::Str(a), Tok::Str(b)) => a == b,
            (Tok::Num(a), Tok::Num(b)) | (Tok::NumElem(a), Tok::NumElem(b)) => a == b,
            (Tok::BigInt(a), Tok::BigInt(b)) => a == b,
            (Tok::Regex(a), Tok::Regex(b)) => a == b,
            (Tok::NoSubTemplate(a), Tok::NoSubTemplate(b))
            | (Tok::TemplateHead(a), Tok::TemplateHead(b))
            | (Tok::TemplateMiddle(a), Tok::TemplateMiddle(b))
            | (Tok::TemplateTail(a), Tok::TemplateTail(b)) => a == b,
            _ => true,
        }
    }
}

/// A token with its byte range and whether a line terminator precedes it.
#[derive(Clone, Debug)]
pub struct Token {
    /// Byte offset (`u32`: [`tokenize_goal`] refuses sources of 2 GiB and more, far past
    /// V8's string limit).
    pub start: u32,
    /// The end offset, with [`Token::NL_BIT`] set when a line terminator precedes the token:
    /// a token is 24 bytes (issue #12: the 16 million tokens of 10^6 function declarations
    /// were 512 MB at 32, all alive while the program is parsed).
    end_nl: u32,
    pub tok: Tok,
}

impl Token {
    const NL_BIT: u32 = 1 << 31;

    pub fn new(start: usize, end: usize, tok: Tok, nl_before: bool) -> Token {
        Token {
            start: start as u32,
            end_nl: end as u32 | if nl_before { Self::NL_BIT } else { 0 },
            tok,
        }
    }

    /// The byte offset just past the token.
    #[inline]
    pub fn end(&self) -> u32 {
        self.end_nl & !Self::NL_BIT
    }

    /// A line terminator precedes the token.
    #[inline]
    pub fn nl_before(&self) -> bool {
        self.end_nl & Self::NL_BIT != 0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct LexError {
    pub message: String,
    pub start: usize,
    pub end: usize,
    /// The input ended inside the token (unterminated template or comment).
    pub incomplete: bool,
}

/// Context-free tokens recognised by logos.
#[derive(Logos, Debug, Clone, Copy, PartialEq, Eq)]
enum Raw {
    #[regex("[ \t\u{0B}\u{0C}\u{A0}\u{FEFF}\u{1680}\u{2000}-\u{200A}\u{202F}\u{205F}\u{3000}]+")]
    Ws,
    #[regex("[\n\r\u{2028}\u{2029}]")]
    Newline,
    #[regex("//[^\n\r\u{2028}\u{2029}]*")]
    LineComment,
    #[token("/*")]
    BlockComment,
    #[regex(r"[a-zA-Z_$][a-zA-Z0-9_$]*")]
    Ident,
    #[regex(r"#[a-zA-Z_$][a-zA-Z0-9_$]*")]
    Private,
    #[token("#")]
    Hash,
    #[token("\\")]
    Backslash,
    #[regex(r"[0-9][0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9_]+)?")]
    #[regex(r"\.[0-9][0-9_]*([eE][+-]?[0-9_]+)?")]
    Decimal,
    #[regex(r"0[xX][0-9a-fA-F_]*")]
    Hex,
    #[regex(r"0[oO][0-7_]*")]
    Octal,
    #[regex(r"0[bB][01_]*")]
    Binary,
    #[token("\"")]
    #[token("'")]
    Quote,
    #[token("`")]
    Backtick,
    #[token("{")]
    #[token("}")]
    #[token("(")]
    #[token(")")]
    #[token("[")]
    #[token("]")]
    #[token(".")]
    #[token("...")]
    #[token(";")]
    #[token(",")]
    #[token("<")]
    #[token(">")]
    #[token("<=")]
    #[token(">=")]
    #[token("==")]
    #[token("!=")]
    #[token("===")]
    #[token("!==")]
    #[token("+")]
    #[token("-")]
    #[token("*")]
    #[token("/")]
    #[token("%")]
    #[token("**")]
    #[token("++")]
    #[token("--")]
    #[token("<<")]
    #[token(">>")]
    #[token(">>>")]
    #[token("&")]
    #[token("|")]
    #[token("^")]
    #[token("!")]
    #[token("~")]
    #[token("&&")]
    #[token("||")]
    #[token("??")]
    #[token("?")]
    #[token(":")]
    #[token("=")]
    #[token("+=")]
    #[token("-=")]
    #[token("*=")]
    #[token("/=")]
    #[token("%=")]
    #[token("**=")]
    #[token("<<=")]
    #[token(">>=")]
    #[token(">>>=")]
    #[token("&=")]
    #[token("|=")]
    #[token("^=")]
    #[token("&&=")]
    #[token("||=")]
    #[token("??=")]
    #[token("=>")]
    Punct,
}

fn punct_tok(s: &str) -> Tok {
    match s {
        "{" => Tok::LBrace,
        "}" => Tok::RBrace,
        "(" => Tok::LParen,
        ")" => Tok::RParen,
        "[" => Tok::LBracket,
        "]" => Tok::RBracket,
        "." => Tok::Dot,
        "..." => Tok::Ellipsis,
        ";" => Tok::Semi,
        "," => Tok::Comma,
        "<" => Tok::Lt,
        ">" => Tok::Gt,
        "<=" => Tok::LtEq,
        ">=" => Tok::GtEq,
        "==" => Tok::EqEq,
        "!=" => Tok::NotEq,
        "===" => Tok::EqEqEq,
        "!==" => Tok::NotEqEq,
        "+" => Tok::Plus,
        "-" => Tok::Minus,
        "*" => Tok::Star,
        "/" => Tok::Slash,
        "%" => Tok::Percent,
        "**" => Tok::StarStar,
        "++" => Tok::PlusPlus,
        "--" => Tok::MinusMinus,
        "<<" => Tok::Shl,
        ">>" => Tok::Shr,
        ">>>" => Tok::UShr,
        "&" => Tok::Amp,
        "|" => Tok::Pipe,
        "^" => Tok::Caret,
        "!" => Tok::Bang,
        "~" => Tok::Tilde,
        "&&" => Tok::AmpAmp,
        "||" => Tok::PipePipe,
        "??" => Tok::QQ,
        "?" => Tok::Question,
        ":" => Tok::Colon,
        "=" => Tok::Assign,
        "+=" => Tok::PlusAssign,
        "-=" => Tok::MinusAssign,
        "*=" => Tok::StarAssign,
        "/=" => Tok::SlashAssign,
        "%=" => Tok::PercentAssign,
        "**=" => Tok::StarStarAssign,
        "<<=" => Tok::ShlAssign,
        ">>=" => Tok::ShrAssign,
        ">>>=" => Tok::UShrAssign,
        "&=" => Tok::AmpAssign,
        "|=" => Tok::PipeAssign,
        "^=" => Tok::CaretAssign,
        "&&=" => Tok::AmpAmpAssign,
        "||=" => Tok::PipePipeAssign,
        "??=" => Tok::QQAssign,
        _ => Tok::Arrow,
    }
}

/// Reserved words and contextual keywords. `yield`/`await` are resolved by context elsewhere.
fn keyword(s: &str) -> Option<Tok> {
    Some(match s {
        "break" => Tok::Break,
        "case" => Tok::Case,
        "catch" => Tok::Catch,
        "class" => Tok::Class,
        "const" => Tok::Const,
        "continue" => Tok::Continue,
        "debugger" => Tok::Debugger,
        "default" => Tok::Default,
        "delete" => Tok::Delete,
        "do" => Tok::Do,
        "else" => Tok::Else,
        "enum" => Tok::Enum,
        "export" => Tok::Export,
        "extends" => Tok::Extends,
        "false" => Tok::False,
        "finally" => Tok::Finally,
        "for" => Tok::For,
        "function" => Tok::Function,
        "if" => Tok::If,
        "import" => Tok::Import,
        "in" => Tok::In,
        "instanceof" => Tok::InstanceOf,
        "new" => Tok::New,
        "null" => Tok::Null,
        "return" => Tok::Return,
        "super" => Tok::Super,
        "switch" => Tok::Switch,
        "this" => Tok::This,
        "throw" => Tok::Throw,
        "true" => Tok::True,
        "try" => Tok::Try,
        "typeof" => Tok::Typeof,
        "var" => Tok::Var,
        "void" => Tok::Void,
        "while" => Tok::While,
        "with" => Tok::With,
        "let" => Tok::Let,
        "static" => Tok::Static,
        "async" => Tok::Async,
        "of" => Tok::Of,
        "get" => Tok::Get,
        "set" => Tok::Set,
        _ => return None,
    })
}

impl Tok {
    /// `=` and the compound assignment operators (`+=`, `&&=`, `??=`, ...).
    pub fn is_assignment_operator(&self) -> bool {
        matches!(
            self,
            Tok::Assign
                | Tok::PlusAssign
                | Tok::MinusAssign
                | Tok::StarAssign
                | Tok::SlashAssign
                | Tok::PercentAssign
                | Tok::StarStarAssign
                | Tok::ShlAssign
                | Tok::ShrAssign
                | Tok::UShrAssign
                | Tok::AmpAssign
                | Tok::PipeAssign
                | Tok::CaretAssign
                | Tok::AmpAmpAssign
                | Tok::PipePipeAssign
                | Tok::QQAssign
        )
    }

    /// Reserved words (not contextual keywords): these become plain names after `.` and in
    /// object-literal / class-body key position.
    fn is_reserved(&self) -> bool {
        use Tok::*;
        matches!(
            self,
            Break
                | Case
                | Catch
                | Class
                | Const
                | Continue
                | Debugger
                | Default
                | Delete
                | Do
                | Else
                | Enum
                | Export
                | Extends
                | False
                | Finally
                | For
                | Function
                | If
                | Import
                | In
                | InstanceOf
                | New
                | Null
                | Return
                | Super
                | Switch
                | This
                | Throw
                | True
                | Try
                | Typeof
                | Var
                | Void
                | While
                | With
                | Yield
                | YieldNoArg
                | Await
        )
    }

    /// Identifier-like tokens that end an expression (so a following `/` is division).
    fn is_identish(&self) -> bool {
        matches!(
            self,
            Tok::Ident(_) | Tok::Let | Tok::Static | Tok::Async | Tok::Get | Tok::Set
        )
    }
}

/// Generator/async flags of the innermost function: decide whether `yield`/`await` are keywords.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct FnCtx {
    is_async: bool,
    is_gen: bool,
    /// (Pending functions only) the function is in expression position.
    is_expr: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BraceKind {
    Block,
    Object,
    Class,
    /// Body of a function or class in expression position: a `/` after its `}` is division.
    ExprBody,
}

/// An open grouping construct, for regex detection, template resumption and function contexts.
#[derive(Clone, Debug)]
enum Group {
    Paren {
        /// `if (`/`while (`/`for (`/`with (`/`switch (`/`catch (`: a following `/` is a regex.
        control: bool,
        /// Preceded by `async` on the same line (possible async arrow parameters).
        async_before: bool,
        /// Parameters of a function/method: the body `{` after `)` gets this context.
        params: Option<FnCtx>,
    },
    /// `[`; `literal`: an array literal's (opened where an expression starts, not at a
    /// property key), whose lone numeric elements become [`Tok::NumElem`].
    Bracket { literal: bool },
    Brace {
        kind: BraceKind,
        ctx: Option<FnCtx>,
        /// Object literal / class body: at a property key (modifiers seen so far in `mods`).
        key_pos: bool,
        mods: FnCtx,
        /// A class body in expression position (`/` after its `}` is division).
        expr: bool,
    },
    /// `${` inside a template literal.
    Template,
    /// Concise body of an async arrow: ends at `,` `;` `)` `]` `}` `:` at its own depth.
    Concise(FnCtx),
    /// `?` of a conditional, waiting for its `:`.
    Cond,
}

/// The context-dependent wrapper around the logos lexer; yields [`Token`]s.
pub struct Lexer<'a> {
    src: &'a str,
    /// Module code: HTML-like comments are errors (they are Annex B script syntax).
    pub module: bool,
    raw: logos::Lexer<'a, Raw>,
    queue: VecDeque<Token>,
    stack: Vec<Group>,
    /// Effective function context at each level of `stack`.
    ctx_stack: Vec<FnCtx>,
    top_ctx: FnCtx,
    prev: Option<Tok>,
    prev2: Option<Tok>,
    /// The last `)` closed a control-statement head.
    last_rparen_control: bool,
    /// The last `)` closed a paren preceded by `async`.
    last_rparen_async: bool,
    last_rbrace_kind: BraceKind,
    /// `function` seen; its parameter list gets this context.
    pending_fn: Option<FnCtx>,
    /// Parameter list just closed; the body `{` gets this context.
    pending_body: Option<FnCtx>,
    /// Stack depths at which a `class` keyword waits for its body `{`.
    pending_class: Vec<usize>,
    /// The last `class` keyword was in expression position.
    pending_class_expr: bool,
    /// Whether a `{` at the token before `async` would have been an object literal.
    prev2_brace_kind: BraceKind,
    /// The last `=>` belonged to an async arrow.
    arrow_async: bool,
    /// The last `:` closed a conditional.
    colon_was_cond: bool,
    /// The last `:` ended a statement label (`l: let` is then an identifier).
    colon_is_label: bool,
    done: bool,
    /// Identifier names seen so far (`intern`).
    /// Each name with its hash (see `intern`).
    names: hashbrown::HashTable<(u64, &'a str, JsStr)>,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str, top_level_await: bool) -> Lexer<'a> {
        Lexer {
            src,
            module: false,
            raw: Raw::lexer(src),
            queue: VecDeque::new(),
            stack: Vec::new(),
            ctx_stack: Vec::new(),
            top_ctx: FnCtx {
                is_async: top_level_await,
                is_gen: false,
                ..Default::default()
            },
            prev: None,
            prev2: None,
            last_rparen_control: false,
            last_rparen_async: false,
            last_rbrace_kind: BraceKind::Block,
            pending_fn: None,
            pending_body: None,
            pending_class: Vec::new(),
            pending_class_expr: false,
            prev2_brace_kind: BraceKind::Block,
            arrow_async: false,
            colon_was_cond: false,
            colon_is_label: false,
            done: false,
            names: Default::default(),
        }
    }

    /// The innermost function context (cached per group, so this is O(1)).
    fn ctx(&self) -> FnCtx {
        self.ctx_stack.last().copied().unwrap_or(self.top_ctx)
    }

    fn push(&mut self, g: Group) {
        let own = match &g {
            Group::Paren {
                params: Some(c), ..
            }
            | Group::Brace { ctx: Some(c), .. }
            | Group::Concise(c) => Some(*c),
            _ => None,
        };
        let eff = own.unwrap_or_else(|| self.ctx());
        self.stack.push(g);
        self.ctx_stack.push(eff);
    }

    fn pop(&mut self) -> Option<Group> {
        self.ctx_stack.pop();
        let g = self.stack.pop();
        // A `class` keyword whose enclosing group closed without a body `{` at its depth was
        // not a class (a property name the brace classification missed): forget it, or the
        // next `{` reaching that depth would be taken for a class body.
        while self
            .pending_class
            .last()
            .is_some_and(|&d| d > self.stack.len())
        {
            self.pending_class.pop();
        }
        g
    }

    fn err<T>(&mut self, message: &str, start: usize, end: usize) -> Result<T, LexError> {
        self.done = true;
        Err(LexError {
            message: message.to_string(),
            start,
            end,
            incomplete: false,
        })
    }

    /// Is a `/` here the start of a regex literal (rather than division)?
    fn regex_allowed(&self) -> bool {
        use Tok::*;
        match &self.prev {
            None => true,
            Some(t) if t.is_identish() => false,
            Some(
                Num(_) | BigInt(_) | Str(_) | NoSubTemplate(_) | TemplateTail(_) | Regex(..)
                | RBracket | This | Super | Null | True | False | PrivateName(_) | PlusPlus
                | MinusMinus,
            ) => false,
            Some(RParen) => self.last_rparen_control,
            Some(RBrace) => !matches!(
                self.last_rbrace_kind,
                BraceKind::Object | BraceKind::ExprBody
            ),
            _ => true,
        }
    }

    /// Skips whitespace and comments after `pos`: is there a line terminator before the next
    /// token? (EOF without a newline counts as no.)
    fn newline_ahead(&self, pos: usize) -> bool {
        self.next_after(pos).0
    }

    /// Is the identifier `using` at `start..end` the start of a `using` declaration? Only
    /// when it is written without escapes and a binding identifier follows on the same line:
    /// `using [x]` is a member access, `using\nx` two statements, `using in o` and
    /// `using instanceof C` expressions. Directly after `for (`, `using of` is a for-of
    /// target unless an initializer follows (`for (using of = r;;)`), as in V8; after
    /// `await`, it is one only on the same line (`await using x`).
    fn using_keyword(&self, start: usize, end: usize, nl_before: bool) -> bool {
        if &self.src[start..end] != "using" {
            return false;
        }
        if nl_before && matches!(self.prev, Some(Tok::Await)) {
            return false;
        }
        let (nl, at) = self.skip_trivia(end);
        if nl {
            return false;
        }
        let word = self.word_at(at);
        match self.src[at..].chars().next() {
            Some('\\') => {}
            Some(c) if is_id_start(c) => {}
            _ => return false,
        }
        match word {
            "in" | "instanceof" => false,
            "of" if matches!(self.prev, Some(Tok::LParen))
                && matches!(self.prev2, Some(Tok::For | Tok::Await))
                && matches!(self.stack.last(), Some(Group::Paren { control: true, .. })) =>
            {
                let (_, after) = self.skip_trivia(at + 2);
                let rest = &self.src[after..];
                rest.starts_with('=') && !rest.starts_with("==") && !rest.starts_with("=>")
            }
            _ => true,
        }
    }

    /// The identifier characters starting at `at` (ASCII letters, digits, `_`, `$` and other
    /// identifier characters; escapes end it).
    fn word_at(&self, at: usize) -> &str {
        let rest = &self.src[at..];
        let len = rest
            .char_indices()
            .find(|&(_, c)| !is_id_continue(c))
            .map(|(i, _)| i)
            .unwrap_or(rest.len());
        &rest[..len]
    }

    /// Skips whitespace and comments after `pos`: returns whether a line terminator was seen
    /// and the first character of the next token (`None` at EOF).
    fn next_after(&self, pos: usize) -> (bool, Option<char>) {
        let (nl, at) = self.skip_trivia(pos);
        (nl, self.src[at..].chars().next())
    }

    /// Skips whitespace and comments from `pos`: whether a line terminator was seen and where
    /// the next token starts (the end of the source if none; an unterminated comment counts
    /// as reaching it).
    fn skip_trivia(&self, pos: usize) -> (bool, usize) {
        let b = self.src.as_bytes();
        let mut i = pos;
        let mut nl = false;
        while i < b.len() {
            match b[i] {
                b' ' | b'\t' | 0x0b | 0x0c => i += 1,
                b'\n' | b'\r' => {
                    nl = true;
                    i += 1;
                }
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    let rest = &self.src[i..];
                    i += rest
                        .find(['\n', '\r', '\u{2028}', '\u{2029}'])
                        .unwrap_or(rest.len());
                }
                b'/' if b.get(i + 1) == Some(&b'*') => match self.src[i + 2..].find("*/") {
                    Some(e) => {
                        nl |= has_line_terminator(&self.src[i + 2..i + 2 + e]);
                        i += e + 4;
                    }
                    None => return (nl, b.len()),
                },
                c if c >= 0x80 => {
                    let ch = self.src[i..].chars().next().unwrap_or(' ');
                    if ch == '\u{2028}' || ch == '\u{2029}' {
                        nl = true;
                    } else if !is_js_whitespace(ch) {
                        return (nl, i);
                    }
                    i += ch.len_utf8();
                }
                _ => return (nl, i),
            }
        }
        (nl, b.len())
    }

    fn next_token(&mut self) -> Option<Result<Token, LexError>> {
        if let Some(t) = self.queue.pop_front() {
            return Some(Ok(t));
        }
        if self.done {
            return None;
        }
        let mut nl = false;
        loop {
            // ASCII blanks between tokens skipped here: each was a logos token and a trip
            // around this loop (1.4 a token in `function f(a, b) { return a + b; }`).
            let rest = self.raw.remainder().as_bytes();
            let blanks = rest
                .iter()
                .take_while(|&&b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
                .count();
            if blanks > 0 {
                nl |= rest[..blanks].iter().any(|&b| b == b'\n' || b == b'\r');
                self.raw.bump(blanks);
            }
            let Some(r) = self.raw.next() else {
                self.done = true;
                return None;
            };
            let span = self.raw.span();
            let (start, end) = (span.start, span.end);
            let res: Result<Tok, LexError> = match r {
                Ok(Raw::Ws) => continue,
                Ok(Raw::Newline) => {
                    nl = true;
                    continue;
                }
                Ok(Raw::LineComment) => continue,
                Ok(Raw::BlockComment) => match self.raw.remainder().find("*/") {
                    Some(e) => {
                        if has_line_terminator(&self.raw.remainder()[..e]) {
                            nl = true;
                        }
                        self.raw.bump(e + 2);
                        continue;
                    }
                    None => {
                        self.done = true;
                        return Some(Err(LexError {
                            message: "Invalid or unexpected token".into(),
                            start,
                            end: self.src.len(),
                            incomplete: true,
                        }));
                    }
                },
                Ok(Raw::Hash) if start == 0 && self.raw.remainder().starts_with('!') => {
                    let rest = self.raw.remainder();
                    let e = rest
                        .find(['\n', '\r', '\u{2028}', '\u{2029}'])
                        .unwrap_or(rest.len());
                    self.raw.bump(e);
                    continue;
                }
                Ok(Raw::Ident) => self.ident(start, end),
                Ok(Raw::Private) => self.private(start),
                Ok(Raw::Hash) => self.private(start),
                Ok(Raw::Backslash) => self.ident(start, start),
                Ok(k @ (Raw::Decimal | Raw::Hex | Raw::Octal | Raw::Binary)) => {
                    self.number(k, start)
                }
                Ok(Raw::Quote) => self.string(start),
                Ok(Raw::Backtick) => self.template(end).map(|(chunk, head)| {
                    if head {
                        self.push(Group::Template);
                        Tok::TemplateHead(Box::new(chunk))
                    } else {
                        Tok::NoSubTemplate(Box::new(chunk))
                    }
                }),
                Ok(Raw::Punct)
                    if (self.raw.slice() == "<" && self.raw.remainder().starts_with("!--"))
                        || (self.raw.slice() == "--"
                            && self.raw.remainder().starts_with('>')
                            && (nl || self.prev.is_none())) =>
                {
                    // Annex B HTML-like comments: `<!--` anywhere, `-->` at the start of a line.
                    if self.module {
                        self.err("HTML comments are not allowed in modules", start, end)
                    } else {
                        let rest = self.raw.remainder();
                        let e = rest
                            .find(['\n', '\r', '\u{2028}', '\u{2029}'])
                            .unwrap_or(rest.len());
                        self.raw.bump(e);
                        continue;
                    }
                }
                Ok(Raw::Punct) => {
                    let s = self.raw.slice();
                    if (s == "/" || s == "/=") && self.regex_allowed() {
                        self.regex(start)
                    } else if s == "?"
                        && self.raw.remainder().starts_with('.')
                        && !self.raw.remainder()[1..].starts_with(|c: char| c.is_ascii_digit())
                    {
                        self.raw.bump(1);
                        Ok(Tok::QDot)
                    } else if s == "}" && matches!(self.stack.last(), Some(Group::Template)) {
                        self.pop();
                        self.template(end).map(|(chunk, head)| {
                            if head {
                                self.push(Group::Template);
                                Tok::TemplateMiddle(Box::new(chunk))
                            } else {
                                Tok::TemplateTail(Box::new(chunk))
                            }
                        })
                    } else {
                        Ok(punct_tok(s))
                    }
                }
                Err(()) => {
                    let ch = self.src[start..].chars().next().unwrap_or(' ');
                    if is_id_start(ch) {
                        self.ident(start, start)
                    } else {
                        self.err("Invalid or unexpected token", start, end)
                    }
                }
            };
            let tok = match res {
                Ok(t) => t,
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            };
            let end = self.raw.span().end;
            return Some(self.process(tok, start, end, nl));
        }
    }

    /// Identifier starting at `start`; logos matched the ASCII prefix up to `ascii_end`.
    fn ident(&mut self, start: usize, ascii_end: usize) -> Result<Tok, LexError> {
        // Most identifiers are that ASCII run and nothing more: no copy of the name.
        let ends = !self.src[ascii_end..]
            .chars()
            .next()
            .is_some_and(|c| c == '\\' || is_id_continue(c));
        if ascii_end > start && ends {
            let src = self.src;
            let name = &src[start..ascii_end];
            return Ok(keyword(name).unwrap_or_else(|| match name {
                "yield" => Tok::Yield,
                "await" => Tok::Await,
                _ => Tok::Ident(self.intern(name)),
            }));
        }
        let (name, escaped, end) = self.ident_rest(start, ascii_end)?;
        self.bump_to(end);
        if name.is_empty() {
            return self.err("Invalid or unexpected token", start, end);
        }
        if escaped {
            // Escaped keywords are never keywords; the grammar sees a plain identifier.
            return Ok(Tok::Ident(JsStr::intern(&name)));
        }
        Ok(keyword(&name).unwrap_or_else(|| match name.as_str() {
            "yield" => Tok::Yield,
            "await" => Tok::Await,
            _ => Tok::Ident(JsStr::intern(&name)),
        }))
    }

    /// Scans identifier characters from `ascii_end` on (non-ASCII and `\u` escapes).
    fn ident_rest(
        &mut self,
        start: usize,
        ascii_end: usize,
    ) -> Result<(String, bool, usize), LexError> {
        let mut name = self.src[start..ascii_end].to_string();
        let mut i = ascii_end;
        let mut escaped = false;
        while let Some(ch) = self.src[i..].chars().next() {
            if ch == '\\' {
                let Some((c, len)) = parse_unicode_escape(&self.src[i + 1..]) else {
                    return self.err("Invalid Unicode escape sequence", i, i + 1);
                };
                let ok = match char::from_u32(c) {
                    Some(c) if name.is_empty() => is_id_start(c),
                    Some(c) => is_id_continue(c),
                    None => false,
                };
                if !ok {
                    return self.err("Invalid Unicode escape sequence", i, i + 1 + len);
                }
                name.push(char::from_u32(c).unwrap_or('_'));
                escaped = true;
                i += 1 + len;
            } else if (name.is_empty() && is_id_start(ch))
                || (!name.is_empty() && is_id_continue(ch))
            {
                name.push(ch);
                i += ch.len_utf8();
            } else {
                break;
            }
        }
        Ok((name, escaped, i))
    }

    /// The interned name, through this lexer's own table of the names it has seen (a
    /// program names the same few things again and again; a new name is interned once,
    /// without the `&str` cache of [`JsStr::intern`]).
    fn intern(&mut self, name: &'a str) -> JsStr {
        use std::hash::{Hash, Hasher};
        let mut hasher = rustc_hash::FxHasher::default();
        name.hash(&mut hasher);
        let h = hasher.finish();
        // The hash is kept beside the name: growing the table never re-reads the names
        // from the source (10^6 distinct names: a cache miss each per growth; issue #12).
        if let Some((_, _, s)) = self.names.find(h, |(eh, n, _)| *eh == h && *n == name) {
            return s.clone();
        }
        let units = if name.is_ascii() {
            name.bytes().map(u16::from).collect()
        } else {
            name.encode_utf16().collect()
        };
        let s = JsStr::intern_owned(units);
        self.names.insert_unique(h, (h, name, s.clone()), |e| e.0);
        s
    }

    fn private(&mut self, start: usize) -> Result<Tok, LexError> {
        let ascii_end = self.raw.span().end;
        let (name, _, end) = self.ident_rest(start + 1, ascii_end.max(start + 1))?;
        self.bump_to(end);
        if name.is_empty() {
            return self.err("Invalid or unexpected token", start, start + 1);
        }
        Ok(Tok::PrivateName(JsStr::intern(&name)))
    }

    fn number(&mut self, kind: Raw, start: usize) -> Result<Tok, LexError> {
        let end = self.raw.span().end;
        let text = &self.src[start..end];
        let value = parse_number(kind, text);
        let next = self.src[end..].chars().next();
        if next == Some('n') {
            return self.bigint(kind, start, end);
        }
        if matches!(next, Some(c) if is_id_start(c) || c.is_ascii_digit() || c == '\\') {
            return self.err("Invalid or unexpected token", start, end);
        }
        match value {
            Some(v) => Ok(Tok::Num(v)),
            None => self.err("Invalid or unexpected token", start, end),
        }
    }

    /// A BigInt literal: the numeric literal `start..end` followed by `n`. Only integers
    /// without a leading zero (`0n` itself is fine) or radix-prefixed integers qualify.
    fn bigint(&mut self, kind: Raw, start: usize, end: usize) -> Result<Tok, LexError> {
        let text = &self.src[start..end];
        let after = self.src[end + 1..].chars().next();
        if matches!(after, Some(c) if is_id_start(c) || c.is_ascii_digit() || c == '\\') {
            return self.err("Invalid or unexpected token", start, end + 1);
        }
        let (digits, radix) = match kind {
            Raw::Hex => (&text[2..], 16),
            Raw::Octal => (&text[2..], 8),
            Raw::Binary => (&text[2..], 2),
            _ => {
                let integral = text.bytes().all(|c| c.is_ascii_digit() || c == b'_');
                if !integral || (text.len() > 1 && text.starts_with('0')) {
                    return self.err("Invalid or unexpected token", start, end + 1);
                }
                (text, 10)
            }
        };
        let value = if separators_ok(digits) {
            parse_bigint_literal_digits(digits, radix)
        } else {
            None
        };
        match value {
            Some(v) => {
                self.bump_to(end + 1);
                Ok(Tok::BigInt(Rc::new(v)))
            }
            None => self.err("Invalid or unexpected token", start, end + 1),
        }
    }

    fn string(&mut self, start: usize) -> Result<Tok, LexError> {
        let quote = self.src.as_bytes()[start];
        // Most literals are ASCII without escapes: found by bytes, widened in one copy.
        let bytes = self.src.as_bytes();
        let mut i = start + 1;
        while let Some(&b) = bytes.get(i) {
            if b == quote {
                let src = self.src;
                let text = &src[start + 1..i];
                self.bump_to(i + 1);
                return Ok(Tok::Str(JsStr::from(text)));
            }
            if b == b'\\' || b == b'\n' || b == b'\r' || !b.is_ascii() {
                break;
            }
            i += 1;
        }
        let mut out: Vec<u16> = bytes[start + 1..i].iter().map(|&b| u16::from(b)).collect();
        loop {
            let Some(ch) = self.src[i..].chars().next() else {
                return self.err("Invalid or unexpected token", start, i);
            };
            match ch {
                '\n' | '\r' => return self.err("Invalid or unexpected token", start, i),
                '\\' => match read_escape(&self.src[i + 1..], false) {
                    Ok((esc, len)) => {
                        esc.push_to(&mut out);
                        i += 1 + len;
                    }
                    Err(msg) => return self.err(msg, i, i + 2),
                },
                c if c as u32 == quote as u32 => {
                    i += 1;
                    break;
                }
                c => {
                    let mut buf = [0u16; 2];
                    out.extend_from_slice(c.encode_utf16(&mut buf));
                    i += c.len_utf8();
                }
            }
        }
        self.bump_to(i);
        Ok(Tok::Str(JsStr::from_units(out)))
    }

    /// Scans a template chunk starting at `from` (just after `` ` `` or `}`). Returns the chunk
    /// and whether it ended with `${` (true) or `` ` `` (false).
    fn template(&mut self, from: usize) -> Result<(TplChunk, bool), LexError> {
        let mut cooked: Option<Vec<u16>> = Some(Vec::new());
        let mut raw: Vec<u16> = Vec::new();
        let mut i = from;
        let head;
        loop {
            let Some(ch) = self.src[i..].chars().next() else {
                self.done = true;
                return Err(LexError {
                    message: "Unexpected end of input".into(),
                    start: from.saturating_sub(1),
                    end: self.src.len(),
                    incomplete: true,
                });
            };
            match ch {
                '`' => {
                    i += 1;
                    head = false;
                    break;
                }
                '$' if self.src[i + 1..].starts_with('{') => {
                    i += 2;
                    head = true;
                    break;
                }
                '\\' => {
                    let rest = &self.src[i + 1..];
                    let res = read_escape(rest, true);
                    let len = match &res {
                        Ok((_, len)) => *len,
                        // Invalid escape: skip just the escaped character for the raw text.
                        Err(_) => rest.chars().next().map(|c| c.len_utf8()).unwrap_or(0),
                    };
                    raw.push(b'\\' as u16);
                    push_raw(&mut raw, &self.src[i + 1..i + 1 + len]);
                    match (res, cooked.as_mut()) {
                        (Ok((esc, _)), Some(c)) => esc.push_to(c),
                        (Err(_), _) => cooked = None,
                        _ => {}
                    }
                    i += 1 + len;
                }
                '\r' => {
                    let len = if self.src[i + 1..].starts_with('\n') {
                        2
                    } else {
                        1
                    };
                    raw.push(b'\n' as u16);
                    if let Some(c) = cooked.as_mut() {
                        c.push(b'\n' as u16);
                    }
                    i += len;
                }
                c => {
                    let mut buf = [0u16; 2];
                    let u = c.encode_utf16(&mut buf);
                    raw.extend_from_slice(u);
                    if let Some(cv) = cooked.as_mut() {
                        cv.extend_from_slice(u);
                    }
                    i += c.len_utf8();
                }
            }
        }
        self.bump_to(i);
        Ok((
            TplChunk {
                cooked: cooked.map(JsStr::from_units),
                raw: JsStr::from_units(raw),
            },
            head,
        ))
    }

    fn regex(&mut self, start: usize) -> Result<Tok, LexError> {
        let mut i = start + 1;
        let mut in_class = false;
        loop {
            let Some(ch) = self.src[i..].chars().next() else {
                return self.err("Invalid regular expression: missing /", start, i);
            };
            match ch {
                '\n' | '\r' | '\u{2028}' | '\u{2029}' => {
                    return self.err("Invalid regular expression: missing /", start, i);
                }
                '\\' => {
                    i += 1;
                    match self.src[i..].chars().next() {
                        Some(c) if !matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') => {
                            i += c.len_utf8()
                        }
                        _ => return self.err("Invalid regular expression: missing /", start, i),
                    }
                }
                '[' => {
                    in_class = true;
                    i += 1;
                }
                ']' => {
                    in_class = false;
                    i += 1;
                }
                '/' if !in_class => break,
                c => i += c.len_utf8(),
            }
        }
        let body = &self.src[start + 1..i];
        i += 1;
        let flags_start = i;
        while let Some(c) = self.src[i..].chars().next() {
            if is_id_continue(c) {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        if self.src[i..].starts_with('\\') {
            return self.err("Invalid regular expression flags", flags_start, i + 1);
        }
        let flags = &self.src[flags_start..i];
        self.bump_to(i);
        Ok(Tok::Regex(Box::new((
            JsStr::intern(body),
            JsStr::intern(flags),
        ))))
    }

    /// Advances the logos lexer so the current token ends at byte `pos`.
    fn bump_to(&mut self, pos: usize) {
        let end = self.raw.span().end;
        if pos > end {
            self.raw.bump(pos - end);
        }
    }

    /// A numeric literal ending at `end` is a whole element of an array literal: it follows
    /// the literal's `[` or one of its own `,`, and `,` or `]` comes next (after spaces).
    fn array_element_ahead(&self, end: usize) -> bool {
        matches!(self.prev, Some(Tok::LBracket | Tok::Comma))
            && matches!(self.stack.last(), Some(Group::Bracket { literal: true }))
            && matches!(
                self.src.as_bytes()[end..]
                    .iter()
                    .find(|&&b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r')),
                Some(b',' | b']')
            )
    }

    fn in_key_pos(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Group::Brace {
                kind: BraceKind::Object | BraceKind::Class,
                key_pos: true,
                ..
            })
        )
    }

    fn set_key_pos(&mut self, value: bool) {
        if let Some(Group::Brace { key_pos, mods, .. }) = self.stack.last_mut() {
            *key_pos = value;
            if value {
                *mods = FnCtx::default();
            }
        }
    }

    fn top_brace_kind(&self) -> Option<BraceKind> {
        match self.stack.last() {
            Some(Group::Brace { kind, .. }) => Some(*kind),
            _ => None,
        }
    }

    /// Applies context: contextual keywords, groups, function contexts, restricted productions.
    fn process(
        &mut self,
        mut tok: Tok,
        start: usize,
        end: usize,
        nl: bool,
    ) -> Result<Token, LexError> {
        let brace_kind_here = self.classify_brace();
        let after_dot = matches!(self.prev, Some(Tok::Dot | Tok::QDot));
        // Names after `.` and in key position are plain identifier names.
        if after_dot && (tok.is_reserved() || keyword_name(&tok).is_some()) {
            tok = Tok::Ident(JsStr::intern(keyword_name(&tok).unwrap_or("")));
        }
        if nl
            && self.top_brace_kind() == Some(BraceKind::Class)
            && !matches!(tok, Tok::In | Tok::InstanceOf)
        {
            // A newline ends a class field initializer (approximation of ASI).
            self.set_key_pos(true);
        }
        if self.in_key_pos() && tok.is_reserved() {
            tok = Tok::Ident(JsStr::intern(keyword_name(&tok).unwrap_or("")));
        }
        // A concise async arrow body also ends where ASI would end its statement: a newline
        // after a complete expression, followed by a token that cannot continue it.
        if nl
            && matches!(self.stack.last(), Some(Group::Concise(_)))
            && !self.regex_allowed()
            && (tok.is_identish()
                || tok.is_reserved()
                || matches!(
                    tok,
                    Tok::Num(_)
                        | Tok::BigInt(_)
                        | Tok::Str(_)
                        | Tok::NoSubTemplate(_)
                        | Tok::LBrace
                        | Tok::Let
                ))
            && !matches!(tok, Tok::In | Tok::InstanceOf)
        {
            while matches!(self.stack.last(), Some(Group::Concise(_))) {
                self.pop();
            }
        }
        // An async arrow with a concise body: its body is async until the body ends.
        if matches!(self.prev, Some(Tok::Arrow)) && !matches!(tok, Tok::LBrace) && self.arrow_async
        {
            let is_gen = self.ctx().is_gen;
            self.push(Group::Concise(FnCtx {
                is_async: true,
                is_gen,
                ..Default::default()
            }));
        }
        // `of` is the for-of keyword only after a binding/target; elsewhere it is an identifier
        // (so `a/of/g` is division).
        if matches!(tok, Tok::Of) && self.src[end..].trim_start().starts_with("=>") {
            // `async of => x`: an arrow parameter named `of`.
            tok = Tok::Ident(JsStr::intern("of"));
        }
        if matches!(tok, Tok::Of)
            && !matches!(&self.prev, Some(t) if t.is_identish() || matches!(t, Tok::RBracket | Tok::RBrace | Tok::RParen | Tok::PrivateName(_) | Tok::Yield | Tok::Await))
        {
            tok = Tok::Ident(JsStr::intern("of"));
        }
        // The name of a function expression is bound in the function's own context.
        let ctx = match self.pending_fn {
            Some(f) if matches!(self.prev, Some(Tok::Function | Tok::Star)) && f.is_expr => f,
            _ => self.ctx(),
        };
        match tok {
            Tok::Yield if !ctx.is_gen => tok = Tok::Ident(JsStr::intern("yield")),
            Tok::Await if !ctx.is_async => tok = Tok::Ident(JsStr::intern("await")),
            _ => {}
        }
        if matches!(
            tok,
            Tok::Comma | Tok::Semi | Tok::RParen | Tok::RBracket | Tok::RBrace | Tok::Colon
        ) {
            while matches!(self.stack.last(), Some(Group::Concise(_))) {
                self.pop();
            }
            if !matches!(tok, Tok::Colon) {
                while matches!(self.stack.last(), Some(Group::Cond)) {
                    self.pop();
                }
            }
        }
        let mut extra: Option<Token> = None;
        match tok {
            Tok::LParen => {
                let control = matches!(
                    self.prev,
                    Some(Tok::If | Tok::While | Tok::For | Tok::With | Tok::Switch | Tok::Catch)
                ) || (matches!(self.prev, Some(Tok::Await))
                    && matches!(self.prev2, Some(Tok::For)));
                let async_before = matches!(self.prev, Some(Tok::Async));
                let params = if let Some(c) = self.pending_fn.take() {
                    Some(c)
                } else if self.in_key_pos() {
                    match self.stack.last() {
                        Some(Group::Brace { mods, .. }) => Some(FnCtx {
                            is_async: mods.is_async && !matches!(self.prev, Some(Tok::Async)),
                            is_gen: mods.is_gen,
                            ..Default::default()
                        }),
                        _ => None,
                    }
                } else {
                    None
                };
                self.push(Group::Paren {
                    control,
                    async_before,
                    params,
                });
            }
            Tok::RParen => {
                if let Some(Group::Paren {
                    control,
                    async_before,
                    params,
                }) = self.stack.last().cloned()
                {
                    self.pop();
                    self.last_rparen_control = control;
                    self.last_rparen_async = async_before;
                    self.pending_body = params;
                }
            }
            Tok::LBracket => {
                let literal = !self.in_key_pos()
                    && matches!(
                        self.prev,
                        Some(
                            Tok::LParen
                                | Tok::LBracket
                                | Tok::Comma
                                | Tok::Assign
                                | Tok::Colon
                                | Tok::Return
                                | Tok::Arrow
                                | Tok::Question
                        )
                    );
                self.push(Group::Bracket { literal });
            }
            Tok::RBracket => {
                if matches!(self.stack.last(), Some(Group::Bracket { .. })) {
                    self.pop();
                }
            }
            Tok::LBrace => {
                let mut class_expr = false;
                let pending_body = self.pending_body.take();
                let (kind, ctx) =
                    if matches!(self.prev, Some(Tok::RParen)) && pending_body.is_some() {
                        let expr = pending_body.is_some_and(|c| c.is_expr);
                        let kind = if expr {
                            BraceKind::ExprBody
                        } else {
                            BraceKind::Block
                        };
                        (
                            kind,
                            pending_body.map(|c| FnCtx {
                                is_expr: false,
                                ..c
                            }),
                        )
                    } else if matches!(self.prev, Some(Tok::Arrow)) {
                        tok = Tok::ArrowLBrace;
                        let c = self.arrow_async.then_some(FnCtx {
                            is_async: true,
                            is_gen: ctx.is_gen,
                            ..Default::default()
                        });
                        (BraceKind::Block, c)
                    } else if self.pending_class.last() == Some(&self.stack.len()) {
                        self.pending_class.pop();
                        class_expr = self.pending_class_expr;
                        (BraceKind::Class, None)
                    } else if matches!(self.prev, Some(Tok::Static)) && self.in_key_pos() {
                        (BraceKind::Block, Some(FnCtx::default()))
                    } else {
                        (self.classify_brace(), None)
                    };
                self.push(Group::Brace {
                    kind,
                    ctx,
                    key_pos: matches!(kind, BraceKind::Object | BraceKind::Class),
                    mods: FnCtx::default(),
                    expr: class_expr,
                });
            }
            Tok::RBrace => {
                if let Some(Group::Brace { kind, expr, .. }) = self.stack.last() {
                    self.last_rbrace_kind = if *expr { BraceKind::ExprBody } else { *kind };
                    self.pop();
                    if self.top_brace_kind() == Some(BraceKind::Class) {
                        self.set_key_pos(true);
                    }
                }
            }
            Tok::Comma if self.top_brace_kind() == Some(BraceKind::Object) => {
                self.set_key_pos(true);
            }
            Tok::Semi if self.top_brace_kind() == Some(BraceKind::Class) => {
                self.set_key_pos(true);
            }
            Tok::Question => self.push(Group::Cond),
            Tok::Colon => {
                self.colon_is_label = self.prev.as_ref().is_some_and(Tok::is_identish)
                    && self.top_brace_kind() != Some(BraceKind::Object)
                    && !matches!(self.stack.last(), Some(Group::Cond))
                    && match &self.prev2 {
                        None => true,
                        Some(Tok::RParen) => self.last_rparen_control,
                        Some(t) => matches!(
                            t,
                            Tok::Semi
                                | Tok::AutoSemi
                                | Tok::RBrace
                                | Tok::LBrace
                                | Tok::Else
                                | Tok::Do
                                | Tok::Colon
                        ),
                    };
                self.colon_was_cond = false;
                if matches!(self.stack.last(), Some(Group::Cond)) {
                    self.pop();
                    self.colon_was_cond = true;
                } else if self.top_brace_kind() == Some(BraceKind::Object) {
                    self.set_key_pos(false);
                }
            }
            Tok::Assign | Tok::Ellipsis if self.in_key_pos() => {
                self.set_key_pos(false);
            }
            Tok::Star => {
                if let Some(f) = self
                    .pending_fn
                    .as_mut()
                    .filter(|_| matches!(self.prev, Some(Tok::Function)))
                {
                    f.is_gen = true;
                } else if self.in_key_pos() {
                    if let Some(Group::Brace { mods, .. }) = self.stack.last_mut() {
                        mods.is_gen = true;
                    }
                }
            }
            Tok::Let => {
                // `let` starts a declaration only when a binding follows (`let x`, `let [`,
                // `let {`); otherwise it is an identifier (`let = 1`, `let.x`, `for (let in o)`).
                let (_, next) = self.next_after(end);
                let word_after = {
                    let rest = self.src[end..].trim_start();
                    let w: String = rest.chars().take_while(|c| is_id_continue(*c)).collect();
                    w
                };
                // In expression position (`x = let[0]`) and as the body of `if`/`while`/...
                // (where a declaration is not allowed), `let` is an identifier.
                let for_head = matches!(self.prev, Some(Tok::LParen))
                    && matches!(self.prev2, Some(Tok::For | Tok::Await));
                let expr_pos = brace_kind_here == BraceKind::Object && !for_head;
                let stmt_body = matches!(self.prev, Some(Tok::Else | Tok::Do))
                    || (matches!(self.prev, Some(Tok::Colon)) && self.colon_is_label)
                    || (matches!(self.prev, Some(Tok::RParen)) && self.last_rparen_control);
                let decl = match next {
                    _ if expr_pos => false,
                    Some('[') => true,
                    _ if stmt_body => false,
                    Some('{' | '\\') => true,
                    Some(c) if is_id_start(c) => {
                        !matches!(word_after.as_str(), "in" | "instanceof")
                    }
                    _ => false,
                };
                if !decl {
                    tok = Tok::Ident(JsStr::intern("let"));
                }
            }
            Tok::Ident(_)
                if !after_dot && !self.in_key_pos() && self.using_keyword(start, end, nl) =>
            {
                tok = Tok::Using;
            }
            Tok::Async => {
                if self.newline_ahead(end) {
                    tok = Tok::Ident(JsStr::intern("async"));
                } else if self.in_key_pos() {
                    if let Some(Group::Brace { mods, .. }) = self.stack.last_mut() {
                        mods.is_async = true;
                    }
                }
            }
            Tok::Function => {
                let is_expr = if matches!(self.prev, Some(Tok::Async)) {
                    self.prev2_brace_kind == BraceKind::Object
                } else {
                    self.classify_brace() == BraceKind::Object
                };
                self.pending_fn = Some(FnCtx {
                    is_async: matches!(self.prev, Some(Tok::Async)),
                    is_gen: false,
                    is_expr,
                });
            }
            Tok::Class => {
                self.pending_class.push(self.stack.len());
                self.pending_class_expr = self.classify_brace() == BraceKind::Object;
            }
            Tok::Arrow => {
                self.arrow_async = match &self.prev {
                    Some(Tok::RParen) => self.last_rparen_async,
                    Some(t)
                        if t.is_identish()
                            || matches!(t, Tok::Yield)
                            || matches!(t, Tok::Await) =>
                    {
                        matches!(self.prev2, Some(Tok::Async))
                    }
                    _ => false,
                };
            }
            Tok::Return | Tok::Break | Tok::Continue => {
                let (nl, next) = self.next_after(end);
                // An explicit `;` on the next line terminates the statement itself.
                if nl && next != Some(';') {
                    extra = Some(Token::new(end, end, Tok::AutoSemi, false));
                }
            }
            Tok::Throw if self.newline_ahead(end) => {
                return self.err("Illegal newline after throw", start, end);
            }
            Tok::Yield if self.newline_ahead(end) => {
                tok = Tok::YieldNoArg;
            }
            Tok::PlusPlus if nl => tok = Tok::PlusPlusNl,
            Tok::MinusMinus if nl => tok = Tok::MinusMinusNl,
            _ => {}
        }
        if !matches!(
            tok,
            Tok::Ident(_) | Tok::Star | Tok::LParen | Tok::Function | Tok::Async
        ) {
            self.pending_fn = None;
        }
        if !matches!(tok, Tok::RParen) && !matches!(tok, Tok::LBrace) {
            self.pending_body = None;
        }
        let elem = match tok {
            Tok::Num(n) if self.array_element_ahead(end) => Some(n),
            _ => None,
        };
        self.prev2 = self.prev.take();
        self.prev = Some(tok.clone());
        self.prev2_brace_kind = brace_kind_here;
        if let Some(e) = extra {
            // The inserted semicolon ends the statement: what follows starts a new one
            // (`return\nlet x`, `return\n{ const y }`), so the context sees it as the previous token.
            if matches!(e.tok, Tok::AutoSemi) {
                self.prev2 = self.prev.take();
                self.prev = Some(Tok::AutoSemi);
                self.prev2_brace_kind = BraceKind::Block;
            }
            self.queue.push_back(e);
        }
        // The lexer's own state saw a `Num`; only the grammar sees the element.
        if let Some(n) = elem {
            tok = Tok::NumElem(n);
        }
        Ok(Token::new(start, end, tok, nl))
    }

    /// Block or object literal, from the previous token (see module docs).
    fn classify_brace(&self) -> BraceKind {
        use Tok::*;
        match &self.prev {
            None => BraceKind::Block,
            Some(Colon) => {
                if self.colon_was_cond {
                    return BraceKind::Object;
                }
                // A labelled block (`a: { for (...) }`), in any function body.
                if self.colon_is_label {
                    return BraceKind::Block;
                }
                match self.stack.last() {
                    Some(Group::Brace {
                        kind: BraceKind::Block,
                        ..
                    })
                    | None => BraceKind::Block,
                    _ => BraceKind::Object,
                }
            }
            Some(
                LParen | LBracket | Comma | Assign | PlusAssign | MinusAssign | StarAssign
                | SlashAssign | PercentAssign | StarStarAssign | ShlAssign | ShrAssign | UShrAssign
                | AmpAssign | PipeAssign | CaretAssign | AmpAmpAssign | PipePipeAssign | QQAssign
                | Question | Return | Typeof | Void | Delete | Case | In | Of | InstanceOf | New
                | Yield | Await | Extends | Throw | Ellipsis | TemplateHead(_) | TemplateMiddle(_)
                | Lt | Gt | LtEq | GtEq | EqEq | NotEq | EqEqEq | NotEqEq | Plus | Minus | Star
                | Slash | Percent | StarStar | Shl | Shr | UShr | Amp | Pipe | Caret | Bang | Tilde
                | AmpAmp | PipePipe | QQ | PlusPlusNl | MinusMinusNl,
            ) => BraceKind::Object,
            // A binding pattern (`var { class: k } = o`) has keys as an object literal does;
            // `export default {` is an object literal (`default:` in a switch is followed by
            // `:`).
            Some(Var | Let | Const | Default) => BraceKind::Object,
            _ => BraceKind::Block,
        }
    }
}

/// The source spelling of a keyword token.
fn keyword_name(t: &Tok) -> Option<&'static str> {
    use Tok::*;
    Some(match t {
        Break => "break",
        Case => "case",
        Catch => "catch",
        Class => "class",
        Const => "const",
        Continue => "continue",
        Debugger => "debugger",
        Default => "default",
        Delete => "delete",
        Do => "do",
        Else => "else",
        Enum => "enum",
        Export => "export",
        Extends => "extends",
        False => "false",
        Finally => "finally",
        For => "for",
        Function => "function",
        If => "if",
        Import => "import",
        In => "in",
        InstanceOf => "instanceof",
        New => "new",
        Null => "null",
        Return => "return",
        Super => "super",
        Switch => "switch",
        This => "this",
        Throw => "throw",
        True => "true",
        Try => "try",
        Typeof => "typeof",
        Var => "var",
        Void => "void",
        While => "while",
        With => "with",
        Yield | YieldNoArg => "yield",
        Await => "await",
        Let => "let",
        Using => "using",
        Static => "static",
        Async => "async",
        Of => "of",
        Get => "get",
        Set => "set",
        _ => return None,
    })
}

impl Iterator for Lexer<'_> {
    type Item = Result<Token, LexError>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_token()
    }
}

/// Lexes the whole source. On a lexical error, returns the tokens before it and the error.
pub fn tokenize(src: &str, top_level_await: bool) -> (Vec<Token>, Option<LexError>) {
    tokenize_goal(src, top_level_await, false)
}

/// [`tokenize`] for script or module code (`module`: no HTML-like comments).
pub fn tokenize_goal(
    src: &str,
    top_level_await: bool,
    module: bool,
) -> (Vec<Token>, Option<LexError>) {
    if src.len() >= Token::NL_BIT as usize {
        let error = LexError {
            message: "Invalid string length".into(),
            start: 0,
            end: 0,
            incomplete: false,
        };
        return (Vec::new(), Some(error));
    }
    let mut out = Vec::new();
    let mut lexer = Lexer::new(src, top_level_await);
    lexer.module = module;
    for t in lexer {
        match t {
            Ok(t) => out.push(t),
            Err(e) => return (out, Some(e)),
        }
    }
    // The tokens live while the whole program is parsed: give back the growth slack (up to
    // half of a big program's token array; a large block shrinks in place).
    out.shrink_to_fit();
    (out, None)
}

/// Reserved words that can never be identifiers (the contextual ones are left to the resolver).
pub fn is_reserved_word(s: &str) -> bool {
    keyword(s).is_some_and(|t| t.is_reserved())
}

pub fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

pub fn has_line_terminator(s: &str) -> bool {
    s.chars().any(is_line_terminator)
}

fn is_js_whitespace(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{0B}' | '\u{0C}' | ' ' | '\u{A0}' | '\u{FEFF}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// ID_Start = XID_Start plus the Other_ID_Start characters (unicode-ident implements XID).
pub fn is_id_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '$' || c == '_';
    }
    c == '$'
        || c == '_'
        || unicode_ident::is_xid_start(c)
        || matches!(
            c,
            '\u{1885}' | '\u{1886}' | '\u{2118}' | '\u{212E}' | '\u{309B}' | '\u{309C}'
        )
}

/// ID_Continue plus `$`, ZWNJ and ZWJ (and the Other_ID_Start/Other_ID_Continue characters).
pub fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '$' || c == '_';
    }
    c == '$'
        || c == '\u{200C}'
        || c == '\u{200D}'
        || unicode_ident::is_xid_continue(c)
        || is_id_start(c)
        || matches!(
            c,
            '\u{00B7}' | '\u{0387}' | '\u{1369}'..='\u{1371}' | '\u{19DA}'
        )
}

/// Parses `uXXXX` or `u{X...}` (the text after a backslash). Returns the code point and the
/// number of bytes consumed.
fn parse_unicode_escape(s: &str) -> Option<(u32, usize)> {
    let rest = s.strip_prefix('u')?;
    if let Some(inner) = rest.strip_prefix('{') {
        let close = inner.find('}')?;
        let hex = &inner[..close];
        if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let v = u32::from_str_radix(hex.trim_start_matches('0'), 16)
            .ok()
            .or(if hex.bytes().all(|b| b == b'0') {
                Some(0)
            } else {
                None
            })?;
        if v > 0x10FFFF {
            return None;
        }
        Some((v, 1 + 1 + close + 1))
    } else {
        let hex = rest.get(..4)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        Some((u32::from_str_radix(hex, 16).ok()?, 5))
    }
}

/// The value of one escape sequence.
enum Escape {
    None,
    Unit(u16),
    CodePoint(u32),
}

impl Escape {
    fn push_to(&self, out: &mut Vec<u16>) {
        match *self {
            Escape::None => {}
            Escape::Unit(u) => out.push(u),
            Escape::CodePoint(c) => {
                if c >= 0x10000 {
                    let c = c - 0x10000;
                    out.push(0xD800 + (c >> 10) as u16);
                    out.push(0xDC00 + (c & 0x3FF) as u16);
                } else {
                    out.push(c as u16);
                }
            }
        }
    }
}

/// Reads the escape after a backslash in a string (`template = false`) or template literal.
/// Returns the value and the number of bytes consumed (after the backslash).
fn read_escape(s: &str, template: bool) -> Result<(Escape, usize), &'static str> {
    let Some(c) = s.chars().next() else {
        return Err("Invalid or unexpected token");
    };
    let unit = |u: u8| Ok((Escape::Unit(u as u16), 1));
    match c {
        'n' => unit(b'\n'),
        't' => unit(b'\t'),
        'r' => unit(b'\r'),
        'b' => unit(8),
        'f' => unit(12),
        'v' => unit(11),
        '\r' => Ok((Escape::None, if s[1..].starts_with('\n') { 2 } else { 1 })),
        '\n' | '\u{2028}' | '\u{2029}' => Ok((Escape::None, c.len_utf8())),
        'x' => {
            let hex = s
                .get(1..3)
                .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
            match hex.and_then(|h| u16::from_str_radix(h, 16).ok()) {
                Some(v) => Ok((Escape::Unit(v), 3)),
                None => Err("Invalid hexadecimal escape sequence"),
            }
        }
        'u' => match parse_unicode_escape(s) {
            Some((v, len)) => Ok((Escape::CodePoint(v), len)),
            None => Err("Invalid Unicode escape sequence"),
        },
        '0' if !s[1..].starts_with(|c: char| c.is_ascii_digit()) => unit(0),
        '0'..='7' => {
            if template {
                return Err("Octal escape sequences are not allowed in template strings");
            }
            // Legacy octal escape: up to 3 digits, value <= 0o377.
            let b = s.as_bytes();
            let mut len = 1;
            let mut v = (b[0] - b'0') as u16;
            let max = if b[0] <= b'3' { 3 } else { 2 };
            while len < max && len < b.len() && (b'0'..=b'7').contains(&b[len]) {
                v = v * 8 + (b[len] - b'0') as u16;
                len += 1;
            }
            Ok((Escape::Unit(v), len))
        }
        '8' | '9' => {
            if template {
                Err("\\8 and \\9 are not allowed in template strings")
            } else {
                Ok((Escape::Unit(c as u16), 1))
            }
        }
        c => {
            let mut buf = [0u16; 2];
            let u = c.encode_utf16(&mut buf);
            if u.len() == 1 {
                Ok((Escape::Unit(u[0]), c.len_utf8()))
            } else {
                Ok((Escape::CodePoint(c as u32), c.len_utf8()))
            }
        }
    }
}

fn push_raw(out: &mut Vec<u16>, s: &str) {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push(b'\n' as u16);
        } else {
            let mut buf = [0u16; 2];
            out.extend_from_slice(c.encode_utf16(&mut buf));
        }
    }
}

/// Checks numeric separators: only between digits.
fn separators_ok(digits: &str) -> bool {
    !digits.starts_with('_') && !digits.ends_with('_') && !digits.contains("__")
}

fn parse_radix(digits: &str, radix: u32) -> Option<f64> {
    if digits.is_empty() || !separators_ok(digits) {
        return None;
    }
    let mut v = 0f64;
    for c in digits.chars().filter(|&c| c != '_') {
        v = v * radix as f64 + c.to_digit(radix)? as f64;
    }
    Some(v)
}

/// The value of a numeric literal (`None` if malformed).
fn parse_number(kind: Raw, text: &str) -> Option<f64> {
    match kind {
        Raw::Hex => parse_radix(&text[2..], 16),
        Raw::Octal => parse_radix(&text[2..], 8),
        Raw::Binary => parse_radix(&text[2..], 2),
        _ => {
            let b = text.as_bytes();
            // Most literals are short plain integers: exact in a u64 and in an f64.
            if b.len() <= 15 && (b.len() == 1 || b[0] != b'0') && b.iter().all(u8::is_ascii_digit) {
                return Some(b.iter().fold(0u64, |v, &c| v * 10 + u64::from(c - b'0')) as f64);
            }
            if b.len() > 1 && b[0] == b'0' && b[1].is_ascii_digit()
                || (b.len() > 1 && b[0] == b'0' && b[1] == b'_')
            {
                // Legacy octal (`010`) or "noctal" decimal (`08`, `09.5`): no separators.
                if text.contains('_') {
                    return None;
                }
                if text.bytes().all(|c| (b'0'..=b'7').contains(&c)) {
                    return parse_radix(&text[1..], 8);
                }
                if !text[1..].bytes().all(|c| c.is_ascii_digit()) {
                    // `08.5` is a decimal; `07.5` is not valid.
                    let int_end = text.find(['.', 'e', 'E']).unwrap_or(text.len());
                    if text[..int_end].bytes().all(|c| (b'0'..=b'7').contains(&c)) {
                        return None;
                    }
                }
                return text.parse().ok();
            }
            // Separators must sit between digits.
            for part in text.split(['.', 'e', 'E', '+', '-']) {
                if !part.is_empty() && !separators_ok(part) {
                    return None;
                }
            }
            if !text.contains('_') {
                return text.parse().ok();
            }
            let clean: String = text.chars().filter(|&c| c != '_').collect();
            clean.parse().ok()
        }
    }
}

/// The value of a BigInt literal's digits (numeric separators allowed) in `radix`.
fn parse_bigint_literal_digits(digits: &str, radix: u32) -> Option<num_bigint::BigInt> {
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if clean.is_empty() {
        return None;
    }
    num_bigint::BigInt::parse_bytes(clean.as_bytes(), radix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        let (t, e) = tokenize(src, false);
        assert!(e.is_none(), "lex error {e:?} in {src:?}");
        t.into_iter().map(|t| t.tok).collect()
    }

    fn num(src: &str) -> f64 {
        match toks(src).as_slice() {
            [Tok::Num(n)] => *n,
            other => panic!("not a number: {other:?}"),
        }
    }

    fn lex_err(src: &str) -> LexError {
        tokenize(src, false).1.expect("expected a lex error")
    }

    fn s(x: &str) -> JsStr {
        JsStr::intern(x)
    }

    #[test]
    fn numbers() {
        assert_eq!(num("42"), 42.0);
        assert_eq!(num("0x1F"), 31.0);
        assert_eq!(num("0o17"), 15.0);
        assert_eq!(num("0b101"), 5.0);
        assert_eq!(num("010"), 8.0);
        assert_eq!(num("08"), 8.0);
        assert_eq!(num("09.5"), 9.5);
        assert_eq!(num("1e3"), 1000.0);
        assert_eq!(num("1.5E-2"), 0.015);
        assert_eq!(num("1_000_000"), 1e6);
        assert_eq!(num(".5"), 0.5);
        assert_eq!(num("5."), 5.0);
        assert_eq!(num("0.0"), 0.0);
        let big = |src: &str| match toks(src).as_slice() {
            [Tok::BigInt(b)] => b.to_string(),
            other => panic!("not a BigInt: {other:?}"),
        };
        assert_eq!(big("0n"), "0");
        assert_eq!(big("1_000n"), "1000");
        assert_eq!(big("0xFFn"), "255");
        assert_eq!(big("0O17n"), "15");
        assert_eq!(big("0b1_01n"), "5");
        assert_eq!(
            big("123456789012345678901234567890n"),
            "123456789012345678901234567890"
        );
        for bad in [
            "01n", "00n", "1.5n", "1e3n", ".5n", "1_n", "0x_1n", "0b2n", "1nx", "08n", "1n2",
        ] {
            assert!(lex_err(bad).message.contains("Invalid"), "{bad}");
        }
        assert!(lex_err("1__0").message.contains("Invalid"));
        assert!(lex_err("1_").message.contains("Invalid"));
        assert!(lex_err("3in x").message.contains("Invalid"));
        assert_eq!(
            toks("1..toString"),
            vec![Tok::Num(1.0), Tok::Dot, Tok::Ident(s("toString"))]
        );
    }

    #[test]
    fn strings() {
        let st = |src: &str| match toks(src).as_slice() {
            [Tok::Str(s)] => s.units().to_vec(),
            o => panic!("{o:?}"),
        };
        let u = |x: &str| x.encode_utf16().collect::<Vec<u16>>();
        assert_eq!(st(r#""a\nb\tc\r\b\f\v\0""#), u("a\nb\tc\r\x08\x0c\x0b\0"));
        assert_eq!(st(r"'\x41\u0042\u{43}\u{1F600}'"), u("ABC😀"));
        assert_eq!(st("'a\\\nb'"), u("ab"));
        assert_eq!(st(r"'\101\7\08'"), u("A\x07\x008"));
        assert_eq!(st(r"'\ud800'"), vec![0xD800]);
        assert_eq!(st(r#"'it\'s "q"'"#), u("it's \"q\""));
        assert!(lex_err("'abc").message.contains("Invalid"));
        assert!(lex_err("'a\nb'").message.contains("Invalid"));
        assert!(lex_err(r"'\x4'").message.contains("hexadecimal"));
        // The ASCII fast path, and its hand-over to the general scan mid-literal.
        assert_eq!(st("''"), u(""));
        assert_eq!(st("'x'"), u("x"));
        assert_eq!(
            st("\"a long ASCII literal 123\""),
            u("a long ASCII literal 123")
        );
        assert_eq!(st("\"quote ' inside\""), u("quote ' inside"));
        assert_eq!(
            st(r"'prefix then \u0041 escape'"),
            u("prefix then A escape")
        );
        assert_eq!(st("'prefix then héllo 😀'"), u("prefix then héllo 😀"));
        assert!(lex_err("'ascii then newline\n'")
            .message
            .contains("Invalid"));
        assert!(lex_err("'ascii to the end").message.contains("Invalid"));
    }

    /// 10^6 functions are 16 million tokens, all made before parsing (issue #12).
    #[test]
    fn tokens_are_small() {
        assert_eq!(std::mem::size_of::<Tok>(), 16);
        assert_eq!(std::mem::size_of::<Token>(), 24);
    }

    #[test]
    fn templates() {
        let t = toks("`a${`b${c}`}d`");
        let chunk = |c: &str| {
            Box::new(TplChunk {
                cooked: Some(s(c)),
                raw: s(c),
            })
        };
        assert_eq!(
            t,
            vec![
                Tok::TemplateHead(chunk("a")),
                Tok::TemplateHead(chunk("b")),
                Tok::Ident(s("c")),
                Tok::TemplateTail(chunk("")),
                Tok::TemplateTail(chunk("d")),
            ]
        );
        let t = toks("`x${ {a:1}.a }y${z}w`");
        assert!(matches!(t[0], Tok::TemplateHead(_)));
        assert!(matches!(t.last(), Some(Tok::TemplateTail(_))));
        assert!(t.iter().any(|x| matches!(x, Tok::TemplateMiddle(_))));
        // Invalid escapes: cooked is None; raw keeps the text; CRLF normalised.
        let t = toks("`\\unicode\r\n`");
        assert_eq!(
            t,
            vec![Tok::NoSubTemplate(Box::new(TplChunk {
                cooked: None,
                raw: s("\\unicode\n")
            }))]
        );
        assert!(lex_err("`abc").incomplete);
    }

    #[test]
    fn regex_vs_division() {
        let re = |b: &str, f: &str| Tok::Regex(Box::new((s(b), s(f))));
        assert_eq!(
            toks("a / b / c"),
            vec![
                Tok::Ident(s("a")),
                Tok::Slash,
                Tok::Ident(s("b")),
                Tok::Slash,
                Tok::Ident(s("c"))
            ]
        );
        let t = toks("x = /re/g.test(s)");
        assert_eq!(t[2], re("re", "g"));
        let t = toks("if (x) /re/.test(y)");
        assert_eq!(t[4], re("re", ""));
        let t = toks("f(x) / 2");
        assert_eq!(t[4], Tok::Slash);
        let t = toks("a[0] / 2; ({}) / 1");
        assert_eq!(t[4], Tok::Slash);
        let t = toks("return /[/]x/i");
        assert_eq!(t[1], re("[/]x", "i"));
        let t = toks("x = {} / 1");
        assert_eq!(t[4], Tok::Slash);
        let t = toks("{} /foo/");
        assert_eq!(t[2], re("foo", ""));
        let t = toks("a++ / 2");
        assert_eq!(t[2], Tok::Slash);
        let t = toks("typeof /x/");
        assert_eq!(t[1], re("x", ""));
        let t = toks("x /= 2");
        assert_eq!(t[1], Tok::SlashAssign);
    }

    #[test]
    fn comments_and_newlines() {
        let (t, _) = tokenize("a // c\nb /* x */ c /* \n */ d", false);
        let nl: Vec<bool> = t.iter().map(|t| t.nl_before()).collect();
        assert_eq!(nl, vec![false, true, false, true]);
        assert_eq!(toks("#!/usr/bin/env node\nx"), vec![Tok::Ident(s("x"))]);
        assert!(lex_err("/* abc").incomplete);
    }

    #[test]
    fn identifiers_and_keywords() {
        assert_eq!(toks("\\u0061b"), vec![Tok::Ident(s("ab"))]);
        assert_eq!(toks("café"), vec![Tok::Ident(s("café"))]);
        assert_eq!(toks("\\u{69}f"), vec![Tok::Ident(s("if"))]);
        assert_eq!(
            toks("a.if"),
            vec![Tok::Ident(s("a")), Tok::Dot, Tok::Ident(s("if"))]
        );
        assert_eq!(toks("this.#x")[2], Tok::PrivateName(s("x")));
        // yield/await are keywords only in generator/async contexts.
        assert_eq!(toks("yield")[0], Tok::Ident(s("yield")));
        assert!(toks("function* g() { yield 1 }").contains(&Tok::Yield));
        assert!(toks("async function f() { await 1 }").contains(&Tok::Await));
        assert!(!toks("async function f() { function g() { await } }").contains(&Tok::Await));
        assert!(toks("async x => await x").contains(&Tok::Await));
        assert!(toks("async (x) => { await x }").contains(&Tok::Await));
        assert!(toks("({ async m() { await 1 } })").contains(&Tok::Await));
        assert!(toks("class A { async *m() { yield await 1 } }").contains(&Tok::Yield));
        assert!(!toks("({ async() { await } })").contains(&Tok::Await));
        assert_eq!(toks("async\nfunction")[0], Tok::Ident(s("async")));
        assert!(toks("x => { return\nx }").contains(&Tok::AutoSemi));
        assert!(toks("a\n++b").contains(&Tok::PlusPlusNl));
        assert!(lex_err("throw\nx").message.contains("Illegal newline"));
        assert!(toks("x ?.5:1").contains(&Tok::Question));
        assert!(toks("x?.y").contains(&Tok::QDot));
    }

    #[test]
    fn context_sensitive_division() {
        // `of` is an identifier unless it follows a for-of target.
        let t = toks("instance/of/g");
        assert_eq!(t[1], Tok::Slash);
        assert!(toks("for (x of /a/g) ;").contains(&Tok::Regex(Box::new((s("a"), s("g"))))));
        assert!(toks("for ((x) of y) ;").contains(&Tok::Of));
        // A function or class expression's `}` ends an expression; a declaration's does not.
        let t = toks("x = function(){} / 2");
        assert!(t.contains(&Tok::Slash));
        let t = toks("function f(){} /re/");
        assert!(t.contains(&Tok::Regex(Box::new((s("re"), s(""))))));
        let t = toks("x = class {} / 2");
        assert!(t.contains(&Tok::Slash));
        let t = toks("(function(){}) / 2");
        assert!(t.contains(&Tok::Slash));
        let t = toks("x => {} \n /re/");
        assert!(t.contains(&Tok::Regex(Box::new((s("re"), s(""))))));
    }

    #[test]
    fn labelled_block_in_function_body() {
        // `a: {` in a function body is a labelled block: `for` stays a keyword.
        assert!(toks("x = function () { a: { for (;;) break a } }").contains(&Tok::For));
        assert!(toks("o = { m() { a: { if (x) break a } } }").contains(&Tok::If));
    }

    #[test]
    fn restricted_productions() {
        // After the inserted semicolon a new statement starts: `let` declares, `{` is a block.
        assert!(toks("return\nlet x = 1").contains(&Tok::Let));
        assert!(toks("break\n{ const y = 1 }").contains(&Tok::Const));
        // `continue` + newline + `;`: the explicit semicolon ends the statement.
        assert!(!toks("continue\n;").contains(&Tok::AutoSemi));
        assert!(toks("break\nfoo").contains(&Tok::AutoSemi));
        assert!(!toks("a.return\nfoo").contains(&Tok::AutoSemi));
        assert!(toks("function* g() { yield\nx }").contains(&Tok::YieldNoArg));
        // Keywords in object-literal key position are plain names.
        assert!(!toks("({ function: 1, class: 2 })").contains(&Tok::Function));
        // The name of a generator expression is not a `yield` keyword inside a generator.
        assert!(!toks("function* g() { (function yield() {}) }").contains(&Tok::Yield));
    }

    #[test]
    fn deep_nesting_is_linear() {
        let src = format!("x = {}1{}", "(".repeat(20000), ")".repeat(20000));
        let (t, e) = tokenize(&src, false);
        assert!(e.is_none());
        assert_eq!(t.len(), 40003);
    }

    #[test]
    fn async_concise_body_ends_at_statement_end() {
        let t = toks("const f = async x => await x\nawait(y)");
        assert_eq!(t.iter().filter(|t| **t == Tok::Await).count(), 1);
        let t = toks("f(async x => await x, await)");
        assert_eq!(t.iter().filter(|t| **t == Tok::Await).count(), 1);
        // With top-level await, `await` is a keyword outside functions too.
        let (t, _) = tokenize("await x; function f() { await }", true);
        assert_eq!(t.iter().filter(|t| t.tok == Tok::Await).count(), 1);
    }

    #[test]
    fn html_like_comments() {
        assert_eq!(
            toks("a <!-- b\nc"),
            vec![Tok::Ident(s("a")), Tok::Ident(s("c"))]
        );
        assert_eq!(
            toks("a\n--> b\nc"),
            vec![Tok::Ident(s("a")), Tok::Ident(s("c"))]
        );
        // Not at line start: a decrement and a comparison.
        assert_eq!(
            toks("a --> b"),
            vec![
                Tok::Ident(s("a")),
                Tok::MinusMinus,
                Tok::Gt,
                Tok::Ident(s("b"))
            ]
        );
    }
}
