//! The abstract syntax tree produced by the parser (`grammar/js.lalrpop`) and walked by the
//! evaluator (`src/interp/`).
//!
//! Every node carries a [`Span`] (byte offsets into the source) for diagnostics and stack traces.
//! The parser fills in the syntax; the resolver (`src/resolve.rs`) then fills in the `Cell` /
//! `OnceCell` fields (where each identifier lives, each scope's slot layout, which nodes contain
//! a `yield`/`await`). The parser leaves those at their `Default`.

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

use crate::resolve::{Binding, ScopeInfo};
use crate::string::JsStr;

/// Byte range `start..end` in the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// A whole script (or the body of a direct/indirect `eval`, or one REPL input).
#[derive(Debug)]
pub struct Script {
    pub body: Vec<Stmt>,
    /// Has a `"use strict"` directive prologue.
    pub strict: bool,
    pub span: Span,
    /// Filled by the resolver: the script's top-level declarations.
    pub scope: OnceCell<Rc<ScopeInfo>>,
}

/// An identifier occurrence: a reference (`x`) or a binding (`let x`).
#[derive(Debug, Clone)]
pub struct Ident {
    pub name: JsStr,
    pub span: Span,
    /// Filled by the resolver.
    pub binding: Cell<Binding>,
    /// For a [`Binding::Global`] reference: the slot of the global lexical binding it was
    /// found to name the first time it ran ([`NO_GLOBAL_SLOT`] until then). Global lexical
    /// bindings are never removed and can't be shadowed by later scripts, so once a name is
    /// found there it stays there; this skips the by-name lookup on every later access.
    pub global_slot: Cell<u32>,
    /// For a [`Binding::Global`] reference not (yet) found in the global lexical scope: how
    /// many global lexical bindings existed when it was last looked for there. While that
    /// count is unchanged the name still isn't one, so the by-name lookup is skipped.
    pub global_lex_checked: Cell<u32>,
    /// For a reference resolved on the global object: the index of its property there last
    /// time (a hint, checked against the key before use).
    pub global_prop_hint: Cell<u32>,
}

/// [`Ident::global_slot`] before the name was found in the global lexical scope.
pub const NO_GLOBAL_SLOT: u32 = u32::MAX;

impl Ident {
    pub fn new(name: JsStr, span: Span) -> Ident {
        Ident {
            name,
            span,
            binding: Cell::new(Binding::Unresolved),
            global_slot: Cell::new(NO_GLOBAL_SLOT),
            global_lex_checked: Cell::new(u32::MAX),
            global_prop_hint: Cell::new(u32::MAX),
        }
    }
}

#[derive(Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
    /// Filled by the resolver: this statement contains a `yield` or `await` of its own function,
    /// so the evaluator must be able to suspend and resume inside it.
    pub suspends: Cell<bool>,
}

impl Stmt {
    pub fn new(kind: StmtKind, span: Span) -> Stmt {
        Stmt {
            kind,
            span,
            suspends: Cell::new(false),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VarKind {
    Var,
    Let,
    Const,
    /// `using x = ...` (explicit resource management): a `const` whose value is disposed
    /// when its scope exits.
    Using,
    /// `await using x = ...`: disposed (and awaited) when its scope exits.
    AwaitUsing,
}

impl VarKind {
    /// `using` or `await using`.
    pub fn is_using(self) -> bool {
        matches!(self, VarKind::Using | VarKind::AwaitUsing)
    }
}

#[derive(Debug)]
pub struct VarDecl {
    pub kind: VarKind,
    pub decls: Vec<Declarator>,
    /// Filled by the resolver for `using`/`await using`: the slot (in the environment the
    /// declaration runs in) of its scope's hidden dispose-capability binding.
    pub dispose_slot: Cell<u32>,
}

impl VarDecl {
    pub fn new(kind: VarKind, decls: Vec<Declarator>) -> VarDecl {
        VarDecl {
            kind,
            decls,
            dispose_slot: Cell::new(u32::MAX),
        }
    }
}

#[derive(Debug)]
pub struct Declarator {
    pub target: Pattern,
    /// Boxed so a declarator is 64 bytes, not 144 (lalrpop's parser stack moves each one).
    pub init: Option<Box<Expr>>,
    pub span: Span,
}

/// A `{ ... }` block: statements plus the lexical scope they declare into.
#[derive(Debug, Default)]
pub struct Block {
    pub body: Vec<Stmt>,
    pub scope: OnceCell<Rc<ScopeInfo>>,
}

#[derive(Debug)]
pub enum StmtKind {
    Empty,
    Expr(Expr),
    Var(VarDecl),
    Function(Rc<Function>),
    Class(Rc<Class>),
    Block(Block),
    If {
        test: Expr,
        cons: Box<Stmt>,
        alt: Option<Box<Stmt>>,
    },
    // The large fields of statements are boxed so a `Stmt` stays small (issue #12: statement
    // lists and lalrpop's symbol stack move `Stmt`s by value; 512-byte statements made
    // 10^6 function declarations cost 4 GB).
    For {
        init: Option<Box<ForInit>>,
        test: Option<Box<Expr>>,
        update: Option<Box<Expr>>,
        body: Box<Stmt>,
        /// Scope of `let`/`const` declared in the init (per-iteration bindings).
        scope: OnceCell<Rc<ScopeInfo>>,
    },
    /// `for (left in right)`, `for (left of right)`, `for await (left of right)`.
    ForInOf {
        kind: ForInOfKind,
        left: Box<ForHead>,
        right: Box<Expr>,
        body: Box<Stmt>,
        scope: OnceCell<Rc<ScopeInfo>>,
    },
    While {
        test: Expr,
        body: Box<Stmt>,
    },
    DoWhile {
        body: Box<Stmt>,
        test: Expr,
    },
    Continue(Option<Ident>),
    Break(Option<Ident>),
    Return(Option<Expr>),
    Throw(Expr),
    Try {
        block: Block,
        handler: Option<Box<Catch>>,
        finalizer: Option<Box<Block>>,
    },
    Switch {
        discriminant: Box<Expr>,
        cases: Vec<SwitchCase>,
        scope: OnceCell<Rc<ScopeInfo>>,
    },
    Labeled {
        label: Ident,
        body: Box<Stmt>,
    },
    With {
        object: Expr,
        body: Box<Stmt>,
    },
    Debugger,
}

#[derive(Debug)]
pub enum ForInit {
    Var(VarDecl),
    Expr(Expr),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForInOfKind {
    In,
    Of,
    AwaitOf,
}

/// The left side of `for-in`/`for-of`.
#[derive(Debug)]
pub enum ForHead {
    /// `for (var/let/const PATTERN of ...)`. (`for (var x = 1 in o)` is legacy sloppy syntax:
    /// `init` holds its initializer.)
    Decl {
        kind: VarKind,
        target: Pattern,
        init: Option<Expr>,
    },
    /// `for (x.y of ...)`, `for ([a, b] of ...)`: an assignment target.
    Target(Pattern),
}

#[derive(Debug)]
pub struct Catch {
    pub param: Option<Pattern>,
    pub body: Block,
    /// Scope of the catch parameter.
    pub scope: OnceCell<Rc<ScopeInfo>>,
    pub span: Span,
}

#[derive(Debug)]
pub struct SwitchCase {
    /// `None` for `default:`.
    pub test: Option<Expr>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

// ---------------------------------------------------------------------------------------------
// Patterns (binding patterns and assignment targets)
// ---------------------------------------------------------------------------------------------

#[derive(Debug)]
pub enum Pattern {
    Ident(Ident),
    Object {
        props: Vec<ObjectPatProp>,
        rest: Option<Box<Pattern>>,
        span: Span,
    },
    Array {
        /// `None` is an elision (`[, a]`).
        elems: Vec<Option<PatElem>>,
        rest: Option<Box<Pattern>>,
        span: Span,
    },
    /// Only in assignment patterns: a member expression target (`[a.b, c[0]] = ...`).
    Expr(Box<Expr>),
}

impl Pattern {
    pub fn span(&self) -> Span {
        match self {
            Pattern::Ident(i) => i.span,
            Pattern::Object { span, .. } | Pattern::Array { span, .. } => *span,
            Pattern::Expr(e) => e.span,
        }
    }
}

/// `target = default` inside an array pattern.
#[derive(Debug)]
pub struct PatElem {
    pub target: Pattern,
    pub default: Option<Expr>,
}

/// `key: target = default` (or shorthand `x = default`) inside an object pattern.
#[derive(Debug)]
pub struct ObjectPatProp {
    pub key: PropName,
    pub target: Pattern,
    pub default: Option<Expr>,
    pub span: Span,
    /// Where the evaluator last found the property among the source object's own
    /// properties (a member site's `hint`, for `const { a, b } = options` in a function
    /// called on objects of one layout); `u32::MAX` once the name was not an own data
    /// property.
    pub hint: std::cell::Cell<u32>,
}

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

#[derive(Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
    /// Filled by the resolver: contains a `yield`/`await` of its own function.
    pub suspends: Cell<bool>,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr {
            kind,
            span,
            suspends: Cell::new(false),
        }
    }

    /// A call `callee(args)` (`callee?.(args)` when `optional`), with the position a stack
    /// trace reports it at.
    pub fn call(callee: Expr, args: Vec<Arg>, optional: bool, span: Span) -> Expr {
        let pos = crate::position::call_position(&callee);
        Expr::new(
            ExprKind::Call {
                callee: Box::new(callee),
                args,
                optional,
                pos,
            },
            span,
        )
    }
}

#[derive(Debug)]
pub enum ExprKind {
    Ident(Ident),
    /// `this`: resolved like a variable named `this` declared by the nearest non-arrow function.
    This(Ident),
    Number(f64),
    BigInt(Rc<num_bigint::BigInt>),
    String(JsStr),
    Bool(bool),
    Null,
    Regex {
        pattern: JsStr,
        flags: JsStr,
    },
    /// `import(specifier)` / `import(specifier, options)`: a promise for the module
    /// namespace.
    ImportCall(Box<Expr>, Option<Box<Expr>>),
    /// `import.meta` (module code only).
    ImportMeta,
    /// The initializer of the desugared form of an `import` declaration
    /// (`const local = <import binding>`): the binding is made an indirect one by module
    /// linking, so the declaration itself does nothing when it runs.
    ImportBinding,
    Template(Rc<Template>),
    TaggedTemplate {
        tag: Box<Expr>,
        quasi: Rc<Template>,
    },
    Array(Vec<Option<ArrayElem>>),
    Object(Vec<PropDef>),
    Function(Rc<Function>),
    Arrow(Rc<Function>),
    Class(Rc<Class>),
    Unary(UnaryOp, Box<Expr>),
    Update {
        op: UpdateOp,
        prefix: bool,
        target: Box<Expr>,
    },
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    Logical(LogicalOp, Box<Expr>, Box<Expr>),
    /// `target op= value`. For `=` with an object/array literal on the left, `target` is a
    /// destructuring pattern.
    Assign {
        op: AssignOp,
        target: Box<Pattern>,
        value: Box<Expr>,
    },
    Conditional {
        test: Box<Expr>,
        cons: Box<Expr>,
        alt: Box<Expr>,
    },
    Call {
        callee: Box<Expr>,
        args: Vec<Arg>,
        /// `f?.()`
        optional: bool,
        /// Where V8 reports the call ([`crate::position::call_position`]), set by
        /// [`Expr::call`].
        pos: Span,
    },
    New {
        callee: Box<Expr>,
        args: Vec<Arg>,
    },
    /// `super(...)`. `this_ref`/`func_ref`/`new_target_ref` are pseudo-variable references
    /// (names `this`, `%func`, `new.target`) resolved to the constructor's hidden bindings.
    SuperCall {
        args: Vec<Arg>,
        this_ref: Box<Ident>,
        func_ref: Box<Ident>,
        new_target_ref: Box<Ident>,
    },
    Member {
        object: Box<Expr>,
        prop: MemberProp,
        /// `a?.b`
        optional: bool,
        /// For the evaluator: where a read of `a.name` last found `name` among the receiver's
        /// own properties (a position hint, checked before use: an inline cache without
        /// shapes), or `u32::MAX` once a read found it elsewhere (on a prototype).
        hint: Cell<u32>,
        /// For the evaluator: the site's entry in the interpreter's table of inline caches
        /// keyed by shape (a read that finds the name on a prototype, a write that adds
        /// it), or `u32::MAX` before the site needs one. An index, checked before use.
        site: Cell<u32>,
    },
    /// `super.x` / `super[x]`. `func_ref` (pseudo-variable `%func`) finds the method whose
    /// home object's prototype is searched; `this_ref` is the receiver.
    SuperMember {
        prop: MemberProp,
        this_ref: Box<Ident>,
        func_ref: Box<Ident>,
    },
    /// The outermost node of an optional chain `a?.b.c`: a short-circuit inside it makes the
    /// whole chain `undefined`.
    OptionalChain(Box<Expr>),
    Sequence(Vec<Expr>),
    /// Parenthesized expression. Kept so `(a) = 1` and `(a, b) => ...` can be validated.
    Paren(Box<Expr>),
    Yield {
        arg: Option<Box<Expr>>,
        delegate: bool,
    },
    Await(Box<Expr>),
    /// `new.target`, resolved as the pseudo-variable `new.target`.
    NewTarget(Ident),
    /// `#x in obj`
    PrivateIn {
        name: Ident,
        right: Box<Expr>,
    },
}

#[derive(Debug)]
pub struct Template {
    /// `cooked` is `None` when the quasi has an invalid escape (allowed only in tagged templates).
    pub quasis: Vec<TemplateQuasi>,
    pub exprs: Vec<Expr>,
    pub span: Span,
}

#[derive(Debug)]
pub struct TemplateQuasi {
    pub cooked: Option<JsStr>,
    pub raw: JsStr,
}

#[derive(Debug)]
pub enum ArrayElem {
    Expr(Expr),
    Spread(Expr),
}

#[derive(Debug)]
pub enum Arg {
    Expr(Expr),
    Spread(Expr),
}

#[derive(Debug)]
pub enum MemberProp {
    /// `.name`
    Ident(JsStr),
    /// `[expr]`
    Computed(Box<Expr>),
    /// `.#name` (boxed: rare, and an inline `Ident` made every `Expr` 16 bytes larger;
    /// lalrpop's parser stack moves `Expr`s by value, issue #12).
    Private(Box<Ident>),
}

/// A property name in an object literal, class body or object pattern.
#[derive(Debug)]
pub enum PropName {
    /// Identifier names, string literals and numeric literals, already converted to their
    /// string form (`1.0` → `"1"`).
    Static(JsStr),
    Computed(Box<Expr>),
    /// `#name` (class elements only; boxed like [`MemberProp::Private`]).
    Private(Box<Ident>),
}

#[derive(Debug)]
pub enum PropDef {
    /// `key: value`
    KeyValue(PropName, Expr),
    /// `x` (shorthand)
    Shorthand(Ident),
    /// `x = 1`: only valid when the object literal is reinterpreted as a pattern.
    CoverInit(Box<Ident>, Expr),
    /// `m() {}`, `get x() {}`, `set x(v) {}`, `*g() {}`, `async m() {}`
    Method {
        key: PropName,
        kind: MethodKind,
        func: Rc<Function>,
    },
    /// `...expr`
    Spread(Expr),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodKind {
    Method,
    Get,
    Set,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Minus,
    Plus,
    Not,
    BitNot,
    Typeof,
    Void,
    Delete,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateOp {
    Inc,
    Dec,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Exp,
    Shl,
    Shr,
    UShr,
    BitAnd,
    BitOr,
    BitXor,
    Eq,
    NotEq,
    StrictEq,
    StrictNotEq,
    Lt,
    Gt,
    LtEq,
    GtEq,
    In,
    InstanceOf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogicalOp {
    And,
    Or,
    Nullish,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignOp {
    /// `=`
    Assign,
    /// `+=`, `-=`, ...: the compound operator's binary op.
    Compound(BinaryOp),
    /// `&&=`, `||=`, `??=`
    Logical(LogicalOp),
}

// ---------------------------------------------------------------------------------------------
// Functions and classes
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FunctionKind {
    /// `function f() {}` declarations and expressions.
    Normal,
    Arrow,
    /// Object-literal and class methods (including getters/setters).
    Method,
    /// A class constructor (explicit or implicit).
    ClassConstructor,
    /// A synthesized function evaluating one class field initializer or static block.
    ClassField,
}

#[derive(Debug)]
pub struct Param {
    pub target: Pattern,
    /// Boxed: most parameters have none, and a `Param` is 56 bytes instead of 120 (10^6
    /// two-parameter functions hold 128 MB less AST; issue #12).
    pub default: Option<Box<Expr>>,
}

#[derive(Debug)]
pub enum FunctionBody {
    Block(Vec<Stmt>),
    /// Concise arrow body `x => expr`.
    Expr(Box<Expr>),
}

#[derive(Debug)]
pub struct Function {
    /// The binding identifier of a declaration or named function expression.
    pub name: Option<Ident>,
    pub kind: FunctionKind,
    pub is_async: bool,
    pub is_generator: bool,
    pub params: Vec<Param>,
    /// Boxed: rare, and 48 bytes inline in every function (issue #12).
    pub rest: Option<Box<Pattern>>,
    pub body: FunctionBody,
    /// The body has a `"use strict"` directive (the resolver combines this with the
    /// surrounding strictness into `ScopeInfo`).
    pub has_use_strict: bool,
    /// For a derived class constructor (`class B extends A { constructor() {...} }`).
    pub is_derived_ctor: bool,
    /// Whole function source range (used by `Function.prototype.toString`).
    pub span: Span,
    /// Filled by the resolver.
    pub scope: OnceCell<Rc<ScopeInfo>>,
    /// V8's inferred name (`FuncNameInferrer`) of an anonymous function assigned to a
    /// property: `x.y.z = function () {}` is `x.y.z`, `C.prototype.m = ...` is `C.m`. Not
    /// its `name` (which stays empty): stack traces and constructor names use it, as V8's
    /// `SharedFunctionInfo::DebugName` does.
    pub inferred_name: RefCell<Option<JsStr>>,
}

#[derive(Debug)]
pub struct Class {
    pub name: Option<Ident>,
    pub super_class: Option<Box<Expr>>,
    /// The explicit `constructor(...) {}` if any.
    pub constructor: Option<Rc<Function>>,
    pub elements: Vec<ClassElement>,
    pub span: Span,
    /// Scope holding the inner class-name binding.
    pub scope: OnceCell<Rc<ScopeInfo>>,
    /// The inferred name of an anonymous class assigned to a property (see
    /// [`Function::inferred_name`]).
    pub inferred_name: RefCell<Option<JsStr>>,
}

#[derive(Debug)]
pub enum ClassElement {
    Method {
        key: PropName,
        kind: MethodKind,
        is_static: bool,
        func: Rc<Function>,
    },
    /// `x = 1;`, `static y;`, `#z = 2;`. `init` is a synthesized `ClassField` function whose
    /// body is the initializer expression (so `this` and scoping work like a method).
    Field {
        key: PropName,
        is_static: bool,
        init: Option<Rc<Function>>,
        span: Span,
    },
    /// `static { ... }`, as a synthesized `ClassField` function.
    StaticBlock(Rc<Function>),
}

impl ExprKind {
    fn hidden(name: &str, span: Span) -> Ident {
        Ident::new(JsStr::intern(name), span)
    }
    /// `this`.
    pub fn this_expr(span: Span) -> ExprKind {
        ExprKind::This(Self::hidden(crate::resolve::THIS, span))
    }
    /// `new.target`.
    pub fn new_target(span: Span) -> ExprKind {
        ExprKind::NewTarget(Self::hidden(crate::resolve::NEW_TARGET, span))
    }
    /// `super.x` / `super[x]`.
    pub fn super_member(prop: MemberProp, span: Span) -> ExprKind {
        ExprKind::SuperMember {
            prop,
            this_ref: Box::new(Self::hidden(crate::resolve::THIS, span)),
            func_ref: Box::new(Self::hidden(crate::resolve::FUNC, span)),
        }
    }
    /// `super(...)`.
    pub fn super_call(args: Vec<Arg>, span: Span) -> ExprKind {
        ExprKind::SuperCall {
            args,
            this_ref: Box::new(Self::hidden(crate::resolve::THIS, span)),
            func_ref: Box::new(Self::hidden(crate::resolve::FUNC, span)),
            new_target_ref: Box::new(Self::hidden(crate::resolve::NEW_TARGET, span)),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Modules: the import and export entries of a module (ECMA-262 16.2.1.6, ParseModule)
// ---------------------------------------------------------------------------------------------

/// What an `import` or `export ... from` asks of a module: its specifier and attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleRequest {
    pub specifier: JsStr,
    /// `with { type: "json" }`: (key, value) pairs.
    pub attributes: Vec<(JsStr, JsStr)>,
}

/// An ImportEntry Record.
#[derive(Debug, Clone)]
pub struct ImportEntry {
    /// Index into [`ModuleItems::requests`].
    pub request: usize,
    /// The imported name; `None` for a namespace import (`* as ns`).
    pub import_name: Option<JsStr>,
    pub local_name: JsStr,
    pub span: Span,
}

/// The \[\[ImportName\]\] of an ExportEntry Record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportImportName {
    /// A local export (`export { x }`, `export const x`).
    None,
    Name(JsStr),
    /// `export * as ns from "m"`.
    All,
    /// `export * from "m"`.
    AllButDefault,
}

/// An ExportEntry Record.
#[derive(Debug, Clone)]
pub struct ExportEntry {
    /// `None` for `export * from "m"`.
    pub export_name: Option<JsStr>,
    /// Index into [`ModuleItems::requests`] for `export ... from`.
    pub request: Option<usize>,
    pub import_name: ExportImportName,
    /// The local binding exported (`None` for re-exports).
    pub local_name: Option<JsStr>,
    pub span: Span,
}

/// The module-level facts ParseModule collects: requested modules in source order, import
/// entries and export entries (not yet split into local/indirect/star).
#[derive(Debug, Clone, Default)]
pub struct ModuleItems {
    pub requests: Vec<ModuleRequest>,
    pub imports: Vec<ImportEntry>,
    pub exports: Vec<ExportEntry>,
}
