//! Scope analysis ("resolver"): runs once after parsing, before evaluation.
//!
//! It decides where every binding lives so the evaluator never looks names up in maps:
//!
//! - each function, block, catch clause, loop head, switch and class gets a scope;
//! - a scope is *materialized* (a runtime environment is allocated for it) only when it must
//!   be: function and script scopes always; block scopes only when a closure captures one of
//!   their bindings, or when `eval`/`with` may look names up dynamically. The bindings of other
//!   blocks get extra slots in the nearest materialized scope (so `for (let i ...)` with no
//!   closure in the body allocates nothing per iteration);
//! - every identifier reference becomes [`Binding::Local`] `{hops, slot}` (walk `hops`
//!   environments up, read slot `slot`), [`Binding::Global`] (the global lexical scope, then
//!   the global object), or [`Binding::Dynamic`] (look up by name: inside `with`, or where a
//!   sloppy direct `eval` may have added a `var`);
//! - `this`, `new.target`, the active function (`%func`, for `super`) and `arguments` are
//!   hidden bindings of the nearest non-arrow function, so arrow functions reach them through
//!   ordinary closure capture;
//! - every statement/expression that contains a `yield`/`await` of its own function is flagged
//!   `suspends`, so the evaluator knows where it must save and restore state;
//! - the scope-based early errors (redeclarations, `break`/`continue` targets, `return`
//!   outside functions, `yield`/`await`/`super`/`new.target` in the wrong place, strict-mode
//!   restrictions) are reported as `SyntaxError`s.

use std::rc::Rc;

use smallvec::SmallVec;

use crate::ast::*;
use crate::parser::SyntaxError;
use crate::string::JsStr;

/// Where an identifier's binding lives at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Binding {
    #[default]
    Unresolved,
    /// `hops` environments up the runtime scope chain, slot `slot`.
    Local {
        hops: u32,
        slot: u32,
        kind: DeclKind,
    },
    /// Not declared in any enclosing function or block: the global lexical scope, then the
    /// global object.
    Global,
    /// Must be looked up by name at run time (inside `with`, or through a sloppy direct `eval`).
    Dynamic,
}

/// What declared a binding (decides TDZ, constness and initialization).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeclKind {
    Var,
    Let,
    Const,
    /// A `using` / `await using` declaration (a const; V8 words assignment errors apart).
    Using,
    Class,
    Function,
    Param,
    CatchParam,
    /// The name of a named function expression, visible inside it (immutable; assignment is
    /// ignored in sloppy code and a TypeError in strict code).
    FunctionName,
    /// The inner name binding of a class (immutable).
    ClassName,
    /// `this`, `new.target`, `%func`, `arguments`.
    Hidden,
}

impl DeclKind {
    /// Starts in the temporal dead zone.
    pub fn has_tdz(self) -> bool {
        matches!(
            self,
            DeclKind::Let
                | DeclKind::Const
                | DeclKind::Using
                | DeclKind::Class
                | DeclKind::ClassName
        )
    }
    pub fn is_lexical(self) -> bool {
        matches!(
            self,
            DeclKind::Let | DeclKind::Const | DeclKind::Using | DeclKind::Class
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Script,
    /// Direct or indirect eval code.
    Eval,
    Function,
    Block,
    Catch,
    Class,
    With,
}

/// One declared binding of a scope.
#[derive(Debug, Clone)]
pub struct Decl {
    pub name: JsStr,
    pub kind: DeclKind,
    /// Slot in the runtime environment that owns it.
    pub slot: u32,
}

/// Slot layout of one scope, computed by the resolver.
#[derive(Debug)]
pub struct ScopeInfo {
    pub kind: ScopeKind,
    /// A runtime environment is created for this scope.
    pub materialized: bool,
    /// For materialized scopes: number of slots in the environment.
    pub num_slots: u32,
    /// Bindings declared directly in this scope (slots may live in an ancestor's environment).
    /// (Boxed slices, as the lists below: a `ScopeInfo` is never changed once published,
    /// and every function has one; 8 bytes less each.)
    pub decls: Box<[Decl]>,
    /// Function declarations to instantiate when the scope is entered: (slot, function).
    /// At script/eval top level the slot is unused (they become global/var bindings).
    pub functions: Box<[(u32, Rc<Function>)]>,
    pub strict: bool,
    /// Function scopes: slots of the hidden bindings, when used.
    pub this_slot: Option<u32>,
    pub new_target_slot: Option<u32>,
    pub func_slot: Option<u32>,
    pub arguments_slot: Option<u32>,
    /// Function scopes: slot of the named-function-expression self binding.
    pub self_name_slot: Option<u32>,
    /// Function scopes: every parameter is a plain identifier (no defaults, rest, patterns).
    pub simple_params: bool,
    /// Some binding in `decls` starts in its temporal dead zone ([`DeclKind::has_tdz`]): a
    /// new environment for the scope marks those slots (most functions have none, and their
    /// calls skip the search).
    pub has_tdz_decls: bool,
    /// Function scopes: a call binds nothing but its simple parameters — no `this`,
    /// `new.target`, `%func`, self-name or `arguments` binding and no hoisted function
    /// declaration — so OrdinaryCallBindThis and FunctionDeclarationInstantiation have
    /// nothing to do once the parameters are bound.
    pub plain_call: bool,
    /// Function scopes: slots of plain identifier parameters, in order (when `simple_params`).
    pub param_slots: Box<[u32]>,
    /// Contains a direct `eval` (names must be findable at run time).
    pub has_direct_eval: bool,
    /// Function scope of a class field initializer or static block (`arguments` is an early
    /// error there, also in direct eval code).
    pub is_field_init: bool,
    /// Function scope of a method (has a home object: `super.x` is allowed, also in eval).
    pub is_method: bool,
    /// The scope has `using`/`await using` declarations directly: the slot of its hidden
    /// dispose-capability binding ([`DISPOSE`]), whose resources are disposed when the
    /// scope's evaluation ends.
    pub dispose_slot: Option<u32>,
}

impl ScopeInfo {
    /// Finds a binding declared in this scope by name (dynamic lookups, eval).
    pub fn find(&self, name: &JsStr) -> Option<&Decl> {
        self.decls.iter().rev().find(|d| &d.name == name)
    }
}

/// Names of the hidden bindings. They cannot collide with user identifiers.
pub const THIS: &str = "this";
pub const NEW_TARGET: &str = "new.target";
pub const FUNC: &str = "%func";
pub const ARGUMENTS: &str = "arguments";
/// The hidden binding of a scope with `using` declarations: its DisposeCapability (an
/// internal object holding the resources to dispose when the scope exits).
pub const DISPOSE: &str = "%dispose";

/// Options for resolving one parsed unit.
#[derive(Default, Clone)]
pub struct ResolveOptions {
    /// Eval code: the chain of runtime scopes the eval runs in (innermost first), so references
    /// can resolve to the caller's bindings. Empty for scripts and indirect eval.
    pub outer: Vec<Rc<ScopeInfo>>,
    pub is_eval: bool,
    /// Eval code inside a function (allows `new.target`), method (allows `super.x`), derived
    /// constructor (allows `super()`).
    pub allow_new_target: bool,
    pub allow_super_property: bool,
    pub allow_super_call: bool,
    pub allow_arguments: bool,
    /// Eval code inside a class field initializer or static block: `arguments` is an error.
    pub in_field_init: bool,
    /// Top-level await is allowed (module-like goal).
    pub top_level_await: bool,
}

pub fn resolve_script(script: &Script, opts: &ResolveOptions) -> Result<(), SyntaxError> {
    let mut r = Resolver::new(opts.clone());
    r.run(script)
}

// ---------------------------------------------------------------------------------------------

/// A scope's names → declaration indices. Most scopes declare a few names: those are found
/// by searching the scope's own declaration list from its end (a name declared again maps to
/// its latest entry, which is the one found first), with no table at all (issue #12: a heap
/// table per function scope was a malloc per function, a list of its own 40 bytes per scope).
/// Past `NameMap::SMALL` declarations a hash table is built.
#[derive(Default)]
struct NameMap {
    /// Each name is kept with its hash, so growing the table (10^6 names in one scope)
    /// never re-reads the names (see `string::hash_units`).
    big: Option<Box<hashbrown::HashTable<(u64, JsStr, usize)>>>,
}

impl NameMap {
    const SMALL: usize = 8;

    /// The latest declaration of `name` among `decls` (the scope's list this map indexes).
    fn get(&self, name: &JsStr, decls: &[DeclB]) -> Option<usize> {
        match &self.big {
            Some(m) => {
                let h = crate::string::hash_units(name.units());
                m.find(h, |(eh, n, _)| *eh == h && n == name)
                    .map(|&(_, _, i)| i)
            }
            None => decls.iter().rposition(|d| d.name == *name),
        }
    }

    /// Records that `decls[i]` (just pushed) declares `name`.
    fn insert(&mut self, name: &JsStr, i: usize, decls: &[DeclB]) {
        if let Some(m) = &mut self.big {
            Self::insert_big(m, name.clone(), i);
        } else if decls.len() > Self::SMALL {
            let mut m = Box::new(hashbrown::HashTable::with_capacity(Self::SMALL * 4));
            for (j, d) in decls.iter().enumerate() {
                Self::insert_big(&mut m, d.name.clone(), j);
            }
            self.big = Some(m);
        }
    }

    fn insert_big(m: &mut hashbrown::HashTable<(u64, JsStr, usize)>, name: JsStr, i: usize) {
        let h = crate::string::hash_units(name.units());
        match m.find_mut(h, |(eh, n, _)| *eh == h && *n == name) {
            Some(e) => e.2 = i,
            None => {
                m.insert_unique(h, (h, name, i), |e| e.0);
            }
        }
    }
}

struct DeclB {
    name: JsStr,
    kind: DeclKind,
    captured: bool,
    slot: u32,
}

struct ScopeB<'a> {
    parent: Option<usize>,
    /// Made inside a class heritage (its parent is that class's scope): private names used
    /// here skip the class's own (see `Resolver::heritage_of`).
    heritage_child: bool,
    kind: ScopeKind,
    /// Index of the enclosing function/script/eval scope (itself for those).
    func: usize,
    is_arrow: bool,
    is_generator: bool,
    is_async: bool,
    /// Function scope of a method/class element (may use `super.x`).
    is_method: bool,
    /// Function scope of a derived constructor (may call `super()`).
    is_derived_ctor: bool,
    /// Function scope of a class field initializer or static block.
    is_field_init: bool,
    /// Function scope of a class static block (`await` is reserved in it).
    is_static_block: bool,
    /// The formal parameters of this function are being visited.
    in_params: bool,
    strict: bool,
    /// Inline up to two (a function's usual parameters) instead of a heap list per scope.
    decls: SmallVec<[DeclB; 2]>,
    lookup: NameMap,
    functions: Vec<(usize, Rc<Function>)>,
    has_direct_eval: bool,
    /// Contains (anywhere below, same function) a direct eval or a with.
    dynamic_inside: bool,
    materialized: bool,
    num_slots: u32,
    target: Option<&'a std::cell::OnceCell<Rc<ScopeInfo>>>,
    simple_params: bool,
    param_decls: SmallVec<[u32; 2]>,
    self_name: Option<u32>,
}

struct Ref<'a> {
    ident: &'a Ident,
    scope: usize,
    /// Looked up under this name instead of `ident.name` (private names: `#x`).
    name: Option<JsStr>,
    /// A private name in a class heritage: looked up from the scope around the class (the
    /// heritage still runs in the class scope, which the hops count).
    outside_class: bool,
}

#[derive(Clone)]
struct LabelCtx {
    /// Labels of enclosing statements in the current function; `true` if the label is on a loop.
    labels: Vec<(JsStr, bool)>,
    in_loop: bool,
    in_switch: bool,
}

struct Resolver<'a> {
    opts: ResolveOptions,
    scopes: Vec<ScopeB<'a>>,
    refs: Vec<Ref<'a>>,
    cur: usize,
    labels: LabelCtx,
    error: Option<SyntaxError>,
    /// The next `visit_function` is a named function expression (declare its self binding).
    self_name_next: bool,
    /// `using` declarations and the scope whose dispose binding they add resources to.
    using_decls: Vec<(&'a VarDecl, usize)>,
    /// Each scope's owner (nearest materialized scope), computed once in `finish`.
    owners: Vec<usize>,
    /// While a class heritage is visited: the class scope. The heritage runs in the class
    /// scope (it sees the class's own name, in its TDZ), but its private names are the
    /// enclosing classes' (ClassDefinitionEvaluation step 8: the PrivateEnvironment is still
    /// the outer one).
    heritage_of: Option<usize>,
}

/// A `using` declaration where only an expression statement can be: V8 reads `using` as an
/// identifier there and reports the binding name that follows it.
fn using_misplaced(v: &VarDecl, span: Span) -> SyntaxError {
    match v.decls.first().map(|d| &d.target) {
        Some(Pattern::Ident(id)) => err(format!("Unexpected identifier '{}'", id.name), id.span),
        _ => err("Unexpected identifier", span),
    }
}

fn err(message: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError {
        message: message.into(),
        span,
        incomplete: false,
    }
}

const STRICT_RESERVED: &[&str] = &[
    "implements",
    "interface",
    "let",
    "package",
    "private",
    "protected",
    "public",
    "static",
    "yield",
];

impl<'a> Resolver<'a> {
    fn new(opts: ResolveOptions) -> Self {
        Resolver {
            opts,
            scopes: Vec::new(),
            refs: Vec::new(),
            cur: 0,
            labels: LabelCtx {
                labels: Vec::new(),
                in_loop: false,
                in_switch: false,
            },
            error: None,
            self_name_next: false,
            using_decls: Vec::new(),
            owners: Vec::new(),
            heritage_of: None,
        }
    }

    fn fail(&mut self, e: SyntaxError) {
        if self.error.is_none() {
            self.error = Some(e);
        }
    }

    fn push_scope(
        &mut self,
        kind: ScopeKind,
        target: Option<&'a std::cell::OnceCell<Rc<ScopeInfo>>>,
    ) -> usize {
        let parent = if self.scopes.is_empty() {
            None
        } else {
            Some(self.cur)
        };
        let (func, strict, is_gen, is_async, is_arrow) = match parent {
            Some(p) => {
                let ps = &self.scopes[p];
                (ps.func, ps.strict, false, false, false)
            }
            None => (0, false, false, false, false),
        };
        let idx = self.scopes.len();
        self.scopes.push(ScopeB {
            parent,
            kind,
            func: if matches!(
                kind,
                ScopeKind::Function | ScopeKind::Script | ScopeKind::Eval
            ) {
                idx
            } else {
                func
            },
            is_arrow,
            is_generator: is_gen,
            is_async,
            is_method: false,
            is_derived_ctor: false,
            is_field_init: false,
            is_static_block: false,
            in_params: false,
            strict,
            decls: SmallVec::new(),
            lookup: NameMap::default(),
            functions: Vec::new(),
            has_direct_eval: false,
            dynamic_inside: false,
            materialized: matches!(
                kind,
                ScopeKind::Function | ScopeKind::Script | ScopeKind::Eval | ScopeKind::With
            ),
            num_slots: 0,
            target,
            simple_params: true,
            param_decls: SmallVec::new(),
            self_name: None,
            heritage_child: parent.is_some() && self.heritage_of == parent,
        });
        self.cur = idx;
        idx
    }

    fn pop_scope(&mut self) {
        if let Some(p) = self.scopes[self.cur].parent {
            self.cur = p;
        }
    }

    fn func_scope(&self) -> &ScopeB<'a> {
        &self.scopes[self.scopes[self.cur].func]
    }

    fn strict(&self) -> bool {
        self.scopes[self.cur].strict
    }

    /// Nearest non-arrow function scope (where `this` etc. live), if any.
    fn this_scope(&self) -> Option<usize> {
        let mut s = self.scopes[self.cur].func;
        loop {
            let sc = &self.scopes[s];
            if sc.kind != ScopeKind::Function {
                return None;
            }
            if !sc.is_arrow {
                return Some(s);
            }
            let p = sc.parent?;
            s = self.scopes[p].func;
        }
    }

    fn declare(&mut self, scope: usize, name: &JsStr, kind: DeclKind, span: Span) -> usize {
        let mut dup_param = false;
        let sc = &mut self.scopes[scope];
        if let Some(i) = sc.lookup.get(name, &sc.decls) {
            let existing = sc.decls[i].kind;
            let conflict = match (existing, kind) {
                (DeclKind::Hidden, _) | (_, DeclKind::Hidden) => false,
                (DeclKind::FunctionName, _) => {
                    // A parameter/var/function of the same name shadows the self name: give
                    // the new declaration its own entry.
                    let i = sc.decls.len();
                    sc.decls.push(DeclB {
                        name: name.clone(),
                        kind,
                        captured: false,
                        slot: 0,
                    });
                    sc.lookup.insert(name, i, &sc.decls);
                    return i;
                }
                (a, b) if a.is_lexical() || b.is_lexical() => true,
                (DeclKind::CatchParam, DeclKind::Var) => false,
                (DeclKind::CatchParam, DeclKind::CatchParam) => true,
                (DeclKind::Param, DeclKind::Var) | (DeclKind::Param, DeclKind::Function) => false,
                (DeclKind::Param, DeclKind::Param) => {
                    // Methods and arrows have UniqueFormalParameters.
                    if sc.strict || !sc.simple_params || sc.is_arrow || sc.is_method {
                        dup_param = true;
                    }
                    false
                }
                (DeclKind::Function, DeclKind::Function)
                    if sc.kind == ScopeKind::Block && sc.strict =>
                {
                    true
                }
                _ => false,
            };
            if dup_param {
                self.fail(err(
                    "Duplicate parameter name not allowed in this context",
                    span,
                ));
            }
            if conflict {
                self.fail(err(
                    format!("Identifier '{}' has already been declared", name),
                    span,
                ));
            }
            // Keep the stronger kind (a function declaration initializes a var binding).
            let sc = &mut self.scopes[scope];
            if kind == DeclKind::Function && matches!(sc.decls[i].kind, DeclKind::Var) {
                sc.decls[i].kind = DeclKind::Function;
            }
            return i;
        }
        let i = sc.decls.len();
        sc.decls.push(DeclB {
            name: name.clone(),
            kind,
            captured: false,
            slot: 0,
        });
        sc.lookup.insert(name, i, &sc.decls);
        i
    }

    /// `var` declarations hoist to the function scope; check conflicts with lexical
    /// declarations of the blocks they pass through.
    fn declare_var(&mut self, name: &JsStr, span: Span) {
        let mut s = self.cur;
        loop {
            let sc = &self.scopes[s];
            if matches!(
                sc.kind,
                ScopeKind::Function | ScopeKind::Script | ScopeKind::Eval
            ) {
                break;
            }
            let clash = sc.lookup.get(name, &sc.decls).is_some_and(|i| {
                let k = sc.decls[i].kind;
                k.is_lexical() || (k == DeclKind::Function && sc.kind == ScopeKind::Block)
            });
            let parent = sc.parent;
            if clash {
                self.fail(err(
                    format!("Identifier '{}' has already been declared", name),
                    span,
                ));
            }
            match parent {
                Some(p) => s = p,
                None => break,
            }
        }
        let f = self.scopes[self.cur].func;
        self.declare(f, name, DeclKind::Var, span);
    }

    /// In strict code the strict reserved words cannot be identifier references either.
    fn check_strict_reference(&mut self, id: &Ident) {
        let mut buf = [0; 16];
        if self.strict()
            && id
                .name
                .as_short_ascii(&mut buf)
                .is_some_and(|n| STRICT_RESERVED.contains(&n))
        {
            self.fail(err("Unexpected strict mode reserved word", id.span));
        }
        self.check_contextual_keyword(id);
    }

    /// Whether a `[Yield]`/`[Await]` grammar parameter is set at the current position: `own`
    /// tells whether a function scope sets it; arrow parameters also inherit it from the
    /// enclosing code, arrow bodies do not.
    fn grammar_param(&self, own: impl Fn(&ScopeB<'a>) -> bool) -> bool {
        let mut s = self.scopes[self.cur].func;
        loop {
            let sc = &self.scopes[s];
            if own(sc) {
                return true;
            }
            if !(sc.is_arrow && sc.in_params) {
                return false;
            }
            match sc.parent {
                Some(p) => s = self.scopes[p].func,
                None => return false,
            }
        }
    }

    /// `yield` is a keyword here (`[+Yield]`: generator parameters and bodies).
    fn yield_reserved(&self) -> bool {
        self.grammar_param(|sc| sc.kind == ScopeKind::Function && sc.is_generator && !sc.is_arrow)
    }

    /// `await` is a keyword here (`[+Await]`: async function parameters and bodies, class
    /// static blocks, top-level await).
    fn await_reserved(&self) -> bool {
        self.grammar_param(|sc| sc.is_async || sc.is_static_block)
    }

    /// `yield`/`await` as an IdentifierReference, BindingIdentifier or LabelIdentifier where
    /// they are keywords (13.1.1). The lexer makes them identifiers there only when they are
    /// written with escapes (or `await` in a static block, which the lexer does not track).
    fn check_contextual_keyword(&mut self, id: &Ident) {
        // Compared by units: this runs for every identifier reference.
        let (n, reserved) = match id.name.units() {
            YIELD_U16 => ("yield", self.yield_reserved()),
            AWAIT_U16 => ("await", self.await_reserved()),
            _ => return,
        };
        if reserved {
            let escaped = (id.span.end - id.span.start) as usize != n.len();
            let msg = if escaped {
                "Keyword must not contain escaped characters".to_string()
            } else if n == "await" {
                "Unexpected reserved word".to_string()
            } else {
                format!("Unexpected identifier '{n}'")
            };
            self.fail(err(msg, id.span));
        }
    }

    /// ContainsArguments of a class field initializer or static block (arrow functions
    /// included, ordinary functions not).
    fn check_arguments_reference(&mut self, id: &Ident) {
        if id.name.units() != ARGUMENTS_U16 {
            return;
        }
        let mut s = self.scopes[self.cur].func;
        let in_field = loop {
            let sc = &self.scopes[s];
            if sc.kind != ScopeKind::Function {
                break sc.kind == ScopeKind::Eval && self.opts.in_field_init;
            }
            if sc.is_field_init {
                break true;
            }
            if !sc.is_arrow {
                break false;
            }
            match sc.parent {
                Some(p) => s = self.scopes[p].func,
                None => break false,
            }
        };
        if in_field {
            self.fail(err(
                "'arguments' is not allowed in class field initializer or static initialization block",
                id.span,
            ));
        }
    }

    fn check_binding_name(&mut self, id: &Ident) {
        self.check_contextual_keyword(id);
        let mut buf = [0; 16];
        let Some(n) = id.name.as_keyword_candidate(&mut buf) else {
            return;
        };
        if self.strict() {
            if n == "eval" || n == "arguments" {
                self.fail(err("Unexpected eval or arguments in strict mode", id.span));
            } else if STRICT_RESERVED.contains(&n) {
                self.fail(err("Unexpected strict mode reserved word", id.span));
            }
        }
        if n == "let" && self.strict() {
            self.fail(err("let is disallowed as a lexically bound name", id.span));
        }
    }

    fn declare_pattern(&mut self, p: &'a Pattern, kind: DeclKind) {
        match p {
            Pattern::Ident(id) => {
                self.check_binding_name(id);
                if kind == DeclKind::Var {
                    self.declare_var(&id.name, id.span);
                } else {
                    if kind.is_lexical() && id.name.units() == [108, 101, 116] {
                        self.fail(err("let is disallowed as a lexically bound name", id.span));
                    }
                    let s = self.cur;
                    let i = self.declare(s, &id.name, kind, id.span);
                    if kind == DeclKind::Param {
                        self.scopes[s].param_decls.push(i as u32);
                    }
                }
                self.refs.push(Ref {
                    ident: id,
                    scope: self.cur,
                    name: None,
                    outside_class: false,
                });
            }
            Pattern::Object { props, rest, .. } => {
                for pr in props {
                    self.declare_pattern(&pr.target, kind);
                }
                if let Some(r) = rest {
                    self.declare_pattern(r, kind);
                }
            }
            Pattern::Array { elems, rest, .. } => {
                for e in elems.iter().flatten() {
                    self.declare_pattern(&e.target, kind);
                }
                if let Some(r) = rest {
                    self.declare_pattern(r, kind);
                }
            }
            Pattern::Expr(_) => {}
        }
    }

    /// Visits the expressions inside a pattern (defaults, computed keys, member targets).
    fn visit_pattern(&mut self, p: &'a Pattern, assign: bool) -> bool {
        match p {
            Pattern::Ident(id) => {
                if assign {
                    self.check_strict_reference(id);
                    if self.strict() {
                        let n = id.name.to_rust_string();
                        if n == "eval" || n == "arguments" {
                            self.fail(err("Unexpected eval or arguments in strict mode", id.span));
                        }
                    }
                    self.reference(id);
                }
                false
            }
            Pattern::Object { props, rest, .. } => {
                let mut s = false;
                for pr in props {
                    match &pr.key {
                        PropName::Computed(e) => s |= self.visit_expr(e),
                        PropName::Private(id) => self.fail(err(
                            format!("Unexpected identifier '#{}'", id.name),
                            id.span,
                        )),
                        _ => {}
                    }
                    s |= self.visit_pattern(&pr.target, assign);
                    if let Some(d) = &pr.default {
                        s |= self.visit_expr(d);
                    }
                }
                if let Some(r) = rest {
                    s |= self.visit_pattern(r, assign);
                }
                s
            }
            Pattern::Array { elems, rest, .. } => {
                let mut s = false;
                for e in elems.iter().flatten() {
                    s |= self.visit_pattern(&e.target, assign);
                    if let Some(d) = &e.default {
                        s |= self.visit_expr(d);
                    }
                }
                if let Some(r) = rest {
                    s |= self.visit_pattern(r, assign);
                }
                s
            }
            Pattern::Expr(e) => self.visit_expr(e),
        }
    }

    fn reference(&mut self, id: &'a Ident) {
        self.refs.push(Ref {
            ident: id,
            scope: self.cur,
            name: None,
            outside_class: false,
        });
    }

    /// A reference to a class private name `#x` (declared in the class scope as `#x`).
    fn private_reference(&mut self, id: &'a Ident) {
        let outside_class = matches!(self.heritage_of, Some(cs) if self.cur == cs);
        self.refs.push(Ref {
            ident: id,
            scope: self.cur,
            name: Some(private_name(&id.name)),
            outside_class,
        });
    }

    /// A reference to a hidden binding of the nearest non-arrow function.
    fn hidden_reference(&mut self, id: &'a Ident) {
        if let Some(f) = self.this_scope() {
            let name = id.name.clone();
            self.declare(f, &name, DeclKind::Hidden, id.span);
        }
        self.reference(id);
    }

    // -----------------------------------------------------------------------------------------

    fn run(&mut self, script: &'a Script) -> Result<(), SyntaxError> {
        let kind = if self.opts.is_eval {
            ScopeKind::Eval
        } else {
            ScopeKind::Script
        };
        let s = self.push_scope(kind, Some(&script.scope));
        self.scopes[s].strict =
            script.strict || self.opts.outer.first().map(|o| o.strict).unwrap_or(false);
        self.scopes[s].is_async = self.opts.top_level_await;
        self.hoist_statements(&script.body, true);
        for st in &script.body {
            self.visit_stmt(st);
        }
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.finish();
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Declares the function declarations and lexical declarations of a statement list
    /// (var declarations are declared as they are visited: they hoist to the function scope
    /// regardless of position).
    fn hoist_statements(&mut self, body: &'a [Stmt], top_level: bool) {
        for st in body {
            match &st.kind {
                StmtKind::Function(f) => {
                    if let Some(name) = &f.name {
                        self.check_binding_name(name);
                        let s = self.cur;
                        let kind = if top_level {
                            DeclKind::Function
                        } else {
                            DeclKind::Let
                        };
                        let i = if top_level {
                            let fs = self.scopes[s].func;
                            self.declare(fs, &name.name, DeclKind::Function, name.span)
                        } else {
                            let i = self.declare(s, &name.name, kind, name.span);
                            self.scopes[s].decls[i].kind = DeclKind::Function;
                            i
                        };
                        let target = if top_level { self.scopes[s].func } else { s };
                        self.scopes[target].functions.push((i, f.clone()));
                        self.reference(name);
                    }
                }
                StmtKind::Class(c) => {
                    if let Some(name) = &c.name {
                        self.check_binding_name(name);
                        let s = self.cur;
                        self.declare(s, &name.name, DeclKind::Class, name.span);
                        self.reference(name);
                    }
                }
                StmtKind::Var(v) if v.kind != VarKind::Var => {
                    if v.kind.is_using() {
                        self.declare_using(v, st.span);
                    }
                    let kind = match v.kind {
                        VarKind::Let => DeclKind::Let,
                        VarKind::Using | VarKind::AwaitUsing => DeclKind::Using,
                        _ => DeclKind::Const,
                    };
                    for d in &v.decls {
                        self.declare_pattern(&d.target, kind);
                    }
                }
                StmtKind::Labeled { body, .. } => {
                    // `l: function f() {}` declares f like a function declaration.
                    if let StmtKind::Function(_) = &body.kind {
                        self.hoist_statements(std::slice::from_ref(&**body), top_level);
                    }
                }
                _ => {}
            }
        }
    }

    /// A `using`/`await using` declaration directly in the current scope: the scope gets a
    /// hidden dispose binding. Early errors: not at the top level of a script or eval code
    /// (V8 does not parse it as a declaration there: "Unexpected identifier").
    fn declare_using(&mut self, v: &'a VarDecl, span: Span) {
        let s = self.cur;
        if matches!(self.scopes[s].kind, ScopeKind::Script | ScopeKind::Eval) {
            self.fail(using_misplaced(v, span));
        }
        self.declare(s, &JsStr::intern(DISPOSE), DeclKind::Hidden, span);
        self.using_decls.push((v, s));
    }

    fn visit_block(&mut self, b: &'a Block) -> bool {
        self.push_scope(ScopeKind::Block, Some(&b.scope));
        self.hoist_statements(&b.body, false);
        let mut s = false;
        for st in &b.body {
            s |= self.visit_stmt(st);
        }
        self.pop_scope();
        s
    }

    fn visit_stmts(&mut self, body: &'a [Stmt]) -> bool {
        let mut s = false;
        for st in body {
            s |= self.visit_stmt(st);
        }
        s
    }

    fn visit_var_decl(&mut self, v: &'a VarDecl) -> bool {
        // `await using` awaits when its scope's resources are disposed.
        let mut s = v.kind == VarKind::AwaitUsing;
        for d in &v.decls {
            if v.kind == VarKind::Var {
                self.declare_pattern(&d.target, DeclKind::Var);
            }
            s |= self.visit_pattern(&d.target, false);
            if let Some(init) = &d.init {
                s |= self.visit_expr(init);
            } else if v.kind == VarKind::Const {
                self.fail(err("Missing initializer in const declaration", d.span));
            }
        }
        s
    }

    /// The body of `if`/loops/`with` may not be a labelled function declaration.
    fn check_substatement(&mut self, body: &Stmt) {
        if self.strict() && matches!(body.kind, StmtKind::Function(_)) {
            self.fail(err(
                "In strict mode code, functions can only be declared at top level or inside a block.",
                body.span,
            ));
        } else if is_labelled_function(body) {
            self.fail(err(
                "In non-strict mode code, functions can only be declared at top level, inside a block, or as the body of an if statement.",
                body.span,
            ));
        }
    }

    fn visit_loop_body(&mut self, body: &'a Stmt) -> bool {
        self.check_substatement(body);
        let saved = self.labels.clone();
        self.labels.in_loop = true;
        let s = self.visit_stmt(body);
        self.labels = saved;
        s
    }

    fn visit_stmt(&mut self, st: &'a Stmt) -> bool {
        let s = match &st.kind {
            StmtKind::Empty | StmtKind::Debugger => false,
            StmtKind::Expr(e) => self.visit_expr(e),
            StmtKind::Var(v) => self.visit_var_decl(v),
            StmtKind::Function(f) => {
                self.visit_function(f, None);
                false
            }
            StmtKind::Class(c) => self.visit_class(c),
            StmtKind::Block(b) => self.visit_block(b),
            StmtKind::If { test, cons, alt } => {
                let mut s = self.visit_expr(test);
                self.check_substatement(cons);
                s |= self.visit_stmt(cons);
                if let Some(a) = alt {
                    self.check_substatement(a);
                    s |= self.visit_stmt(a);
                }
                s
            }
            StmtKind::For {
                init,
                test,
                update,
                body,
                scope,
            } => {
                self.push_scope(ScopeKind::Block, Some(scope));
                let mut s = false;
                match init.as_deref() {
                    Some(ForInit::Var(v)) => {
                        if v.kind.is_using() {
                            self.declare_using(v, st.span);
                        }
                        if v.kind != VarKind::Var {
                            let kind = match v.kind {
                                VarKind::Let => DeclKind::Let,
                                VarKind::Using | VarKind::AwaitUsing => DeclKind::Using,
                                _ => DeclKind::Const,
                            };
                            for d in &v.decls {
                                self.declare_pattern(&d.target, kind);
                            }
                        }
                        s |= self.visit_var_decl(v);
                    }
                    Some(ForInit::Expr(e)) => s |= self.visit_expr(e),
                    None => {}
                }
                if let Some(t) = test {
                    s |= self.visit_expr(t);
                }
                if let Some(u) = update {
                    s |= self.visit_expr(u);
                }
                s |= self.visit_loop_body(body);
                self.pop_scope();
                s
            }
            StmtKind::ForInOf {
                kind,
                left,
                right,
                body,
                scope,
            } => {
                if *kind == ForInOfKind::AwaitOf && !self.func_scope().is_async {
                    self.fail(err("Unexpected reserved word", st.span));
                }
                self.push_scope(ScopeKind::Block, Some(scope));
                let mut s = *kind == ForInOfKind::AwaitOf;
                match &**left {
                    ForHead::Decl {
                        kind: vk,
                        target,
                        init,
                    } => {
                        match vk {
                            VarKind::Var => self.declare_pattern(target, DeclKind::Var),
                            VarKind::Let => self.declare_pattern(target, DeclKind::Let),
                            VarKind::Const | VarKind::Using | VarKind::AwaitUsing => {
                                self.declare_pattern(target, DeclKind::Const)
                            }
                        }
                        if vk.is_using() {
                            // Each iteration's environment disposes its value.
                            let sc = self.cur;
                            self.declare(sc, &JsStr::intern(DISPOSE), DeclKind::Hidden, st.span);
                            s |= *vk == VarKind::AwaitUsing;
                        }
                        s |= self.visit_pattern(target, false);
                        if let Some(i) = init {
                            s |= self.visit_expr(i);
                        }
                    }
                    ForHead::Target(p) => s |= self.visit_pattern(p, true),
                }
                s |= self.visit_expr(right);
                s |= self.visit_loop_body(body);
                self.pop_scope();
                s
            }
            StmtKind::While { test, body } => {
                let s = self.visit_expr(test);
                s | self.visit_loop_body(body)
            }
            StmtKind::DoWhile { body, test } => {
                let s = self.visit_loop_body(body);
                s | self.visit_expr(test)
            }
            StmtKind::Continue(label) => {
                match label {
                    Some(l) => {
                        if !self
                            .labels
                            .labels
                            .iter()
                            .any(|(n, is_loop)| n == &l.name && *is_loop)
                        {
                            self.fail(err(format!("Undefined label '{}'", l.name), l.span));
                        }
                    }
                    None => {
                        if !self.labels.in_loop {
                            self.fail(err(
                                "Illegal continue statement: no surrounding iteration statement",
                                st.span,
                            ));
                        }
                    }
                }
                false
            }
            StmtKind::Break(label) => {
                match label {
                    Some(l) => {
                        if !self.labels.labels.iter().any(|(n, _)| n == &l.name) {
                            self.fail(err(format!("Undefined label '{}'", l.name), l.span));
                        }
                    }
                    None => {
                        if !self.labels.in_loop && !self.labels.in_switch {
                            self.fail(err("Illegal break statement", st.span));
                        }
                    }
                }
                false
            }
            StmtKind::Return(e) => {
                let f = self.func_scope();
                if f.kind != ScopeKind::Function || f.is_static_block {
                    self.fail(err("Illegal return statement", st.span));
                }
                let f = self.func_scope();
                // `return x` in an async generator awaits x.
                let awaits = f.is_async && f.is_generator && !f.is_arrow;
                e.as_ref().map(|e| self.visit_expr(e)).unwrap_or(false) | awaits
            }
            StmtKind::Throw(e) => self.visit_expr(e),
            StmtKind::Try {
                block,
                handler,
                finalizer,
            } => {
                let mut s = self.visit_block(block);
                if let Some(h) = handler {
                    self.push_scope(ScopeKind::Catch, Some(&h.scope));
                    if let Some(p) = &h.param {
                        self.declare_pattern(p, DeclKind::CatchParam);
                        s |= self.visit_pattern(p, false);
                    }
                    // The catch body is a block whose lexical names may not redeclare the
                    // parameter.
                    let catch_scope = self.cur;
                    self.push_scope(ScopeKind::Block, Some(&h.body.scope));
                    self.hoist_statements(&h.body.body, false);
                    let body_scope = self.cur;
                    let clash: Vec<(JsStr, Span)> = self.scopes[body_scope]
                        .decls
                        .iter()
                        .filter(|d| d.kind.is_lexical() || d.kind == DeclKind::Function)
                        .filter(|d| {
                            let c = &self.scopes[catch_scope];
                            c.lookup.get(&d.name, &c.decls).is_some()
                        })
                        .map(|d| (d.name.clone(), h.span))
                        .collect();
                    for (n, sp) in clash {
                        self.fail(err(
                            format!("Identifier '{}' has already been declared", n),
                            sp,
                        ));
                    }
                    s |= self.visit_stmts(&h.body.body);
                    self.pop_scope();
                    self.pop_scope();
                }
                if let Some(f) = finalizer {
                    s |= self.visit_block(f);
                }
                s
            }
            StmtKind::Switch {
                discriminant,
                cases,
                scope,
            } => {
                let mut s = self.visit_expr(discriminant);
                if let Some(second) = cases.iter().filter(|c| c.test.is_none()).nth(1) {
                    self.fail(err(
                        "More than one default clause in switch statement",
                        second.span,
                    ));
                }
                self.push_scope(ScopeKind::Block, Some(scope));
                for c in cases {
                    // A case clause's statement list may not hold `using` declarations.
                    for st in &c.body {
                        if let StmtKind::Var(v) = &st.kind {
                            if v.kind.is_using() {
                                self.fail(using_misplaced(v, st.span));
                            }
                        }
                    }
                    self.hoist_statements(&c.body, false);
                }
                let saved = self.labels.clone();
                self.labels.in_switch = true;
                for c in cases {
                    if let Some(t) = &c.test {
                        s |= self.visit_expr(t);
                    }
                    s |= self.visit_stmts(&c.body);
                }
                self.labels = saved;
                self.pop_scope();
                s
            }
            StmtKind::Labeled { label, body } => {
                self.check_strict_reference(label);
                if self.strict() && matches!(body.kind, StmtKind::Function(_)) {
                    self.fail(err(
                        "In strict mode code, functions can only be declared at top level or inside a block.",
                        body.span,
                    ));
                }
                if self.labels.labels.iter().any(|(n, _)| n == &label.name) {
                    self.fail(err(
                        format!("Label '{}' has already been declared", label.name),
                        label.span,
                    ));
                }
                let is_loop = is_loop_stmt(body);
                self.labels.labels.push((label.name.clone(), is_loop));
                let s = self.visit_stmt(body);
                self.labels.labels.pop();
                s
            }
            StmtKind::With { object, body } => {
                if self.strict() {
                    // V8 points at the `with` keyword.
                    let kw =
                        crate::ast::Span::new(st.span.start as usize, st.span.start as usize + 4);
                    self.fail(err("Strict mode code may not include a with statement", kw));
                }
                let s = self.visit_expr(object);
                self.check_substatement(body);
                self.mark_dynamic();
                self.push_scope(ScopeKind::With, None);
                let s2 = self.visit_stmt(body);
                self.pop_scope();
                s | s2
            }
        };
        st.suspends.set(s);
        s
    }

    /// The current function may look names up dynamically (direct eval or with inside).
    fn mark_dynamic(&mut self) {
        let mut s = Some(self.cur);
        while let Some(i) = s {
            self.scopes[i].dynamic_inside = true;
            s = self.scopes[i].parent;
        }
    }

    fn visit_args(&mut self, args: &'a [Arg]) -> bool {
        let mut s = false;
        for a in args {
            s |= match a {
                Arg::Expr(e) | Arg::Spread(e) => self.visit_expr(e),
            };
        }
        s
    }

    fn visit_prop_name(&mut self, k: &'a PropName) -> bool {
        match k {
            PropName::Computed(e) => self.visit_expr(e),
            PropName::Private(id) => {
                self.private_reference(id);
                false
            }
            _ => false,
        }
    }

    fn visit_expr(&mut self, e: &'a Expr) -> bool {
        let s = match &e.kind {
            ExprKind::Ident(id) => {
                self.check_strict_reference(id);
                self.check_arguments_reference(id);
                self.reference(id);
                false
            }
            ExprKind::This(id) => {
                self.hidden_reference(id);
                false
            }
            ExprKind::NewTarget(id) => {
                if self.this_scope().is_none() && !self.opts.allow_new_target {
                    self.fail(err("new.target expression is not allowed here", e.span));
                }
                self.hidden_reference(id);
                false
            }
            ExprKind::Number(_)
            | ExprKind::BigInt(_)
            | ExprKind::String(_)
            | ExprKind::Bool(_)
            | ExprKind::Null
            | ExprKind::ImportMeta
            | ExprKind::ImportBinding => false,
            ExprKind::ImportCall(x, o) => {
                let a = self.visit_expr(x);
                let b = o.as_ref().is_some_and(|o| self.visit_expr(o));
                a || b
            }
            ExprKind::Regex { pattern, flags } => {
                if let Err(m) = crate::regexp::validate_literal(pattern, flags) {
                    self.fail(err(m, e.span));
                }
                false
            }
            ExprKind::Template(t) => {
                let mut s = false;
                for x in &t.exprs {
                    s |= self.visit_expr(x);
                }
                for q in &t.quasis {
                    if q.cooked.is_none() {
                        self.fail(err("Invalid escape sequence in template", t.span));
                    }
                }
                s
            }
            ExprKind::TaggedTemplate { tag, quasi } => {
                if let ExprKind::OptionalChain(_) = tag.kind {
                    self.fail(err("Invalid tagged template on optional chain", quasi.span));
                }
                let mut s = self.visit_expr(tag);
                for x in &quasi.exprs {
                    s |= self.visit_expr(x);
                }
                s
            }
            ExprKind::Array(elems) => {
                let mut s = false;
                for el in elems.iter().flatten() {
                    s |= match el {
                        ArrayElem::Expr(x) | ArrayElem::Spread(x) => self.visit_expr(x),
                    };
                }
                s
            }
            ExprKind::Object(props) => {
                let mut s = false;
                for p in props {
                    s |= match p {
                        PropDef::KeyValue(k, v) => {
                            let a = self.visit_prop_name(k);
                            a | self.visit_expr(v)
                        }
                        PropDef::Shorthand(id) => {
                            self.check_strict_reference(id);
                            self.check_arguments_reference(id);
                            self.reference(id);
                            false
                        }
                        PropDef::CoverInit(id, _) => {
                            self.fail(err("Invalid shorthand property initializer", id.span));
                            false
                        }
                        PropDef::Method { key, func, .. } => {
                            let a = self.visit_prop_name(key);
                            self.visit_function(func, Some(MethodCtx::default()));
                            a
                        }
                        PropDef::Spread(x) => self.visit_expr(x),
                    };
                }
                s
            }
            ExprKind::Function(f) => {
                // A named function expression sees its own name (an immutable binding).
                self.self_name_next = f.name.is_some();
                self.visit_function(f, None);
                false
            }
            ExprKind::Arrow(f) => {
                self.visit_function(f, None);
                false
            }
            ExprKind::Class(c) => self.visit_class(c),
            ExprKind::Unary(op, x) => {
                if *op == UnaryOp::Delete && self.strict() {
                    if let ExprKind::Ident(_) = strip_parens(x).kind {
                        self.fail(err(
                            "Delete of an unqualified identifier in strict mode.",
                            e.span,
                        ));
                    }
                }
                if *op == UnaryOp::Delete && is_private_reference(x) {
                    self.fail(err("Private fields can not be deleted", e.span));
                }
                self.visit_expr(x)
            }
            ExprKind::Update { target, .. } => {
                self.check_simple_target(target);
                self.visit_expr(target)
            }
            ExprKind::Binary(_, a, b) | ExprKind::Logical(_, a, b) => {
                let s = self.visit_expr(a);
                s | self.visit_expr(b)
            }
            ExprKind::Assign { target, value, .. } => {
                let s = self.visit_pattern(target, true);
                s | self.visit_expr(value)
            }
            ExprKind::Conditional { test, cons, alt } => {
                let mut s = self.visit_expr(test);
                s |= self.visit_expr(cons);
                s | self.visit_expr(alt)
            }
            ExprKind::Call { callee, args, .. } => {
                if let ExprKind::Ident(id) = &callee.kind {
                    if id.name.units() == EVAL {
                        // A possible direct eval: every scope up the chain must be findable
                        // by name at run time.
                        self.scopes[self.cur].has_direct_eval = true;
                        self.mark_dynamic();
                        let mut sc = Some(self.cur);
                        while let Some(i) = sc {
                            if self.scopes[i].kind == ScopeKind::Function {
                                if !self.scopes[i].is_arrow {
                                    for n in [THIS, NEW_TARGET, FUNC, ARGUMENTS] {
                                        let nm = JsStr::intern(n);
                                        self.declare(i, &nm, DeclKind::Hidden, e.span);
                                    }
                                    self.scopes[i].has_direct_eval = true;
                                    break;
                                }
                                self.scopes[i].has_direct_eval = true;
                            }
                            sc = self.scopes[i].parent;
                        }
                    }
                }
                let s = self.visit_expr(callee);
                s | self.visit_args(args)
            }
            ExprKind::New { callee, args } => {
                let s = self.visit_expr(callee);
                s | self.visit_args(args)
            }
            ExprKind::SuperCall {
                args,
                this_ref,
                func_ref,
                new_target_ref,
            } => {
                let ok = self
                    .this_scope()
                    .map(|f| self.scopes[f].is_derived_ctor)
                    .unwrap_or(false)
                    || self.opts.allow_super_call;
                if !ok {
                    self.fail(err("'super' keyword unexpected here", e.span));
                }
                self.hidden_reference(this_ref);
                self.hidden_reference(func_ref);
                self.hidden_reference(new_target_ref);
                self.visit_args(args)
            }
            ExprKind::Member { object, prop, .. } => {
                let s = self.visit_expr(object);
                s | match prop {
                    MemberProp::Computed(x) => self.visit_expr(x),
                    MemberProp::Private(id) => {
                        self.private_reference(id);
                        false
                    }
                    _ => false,
                }
            }
            ExprKind::SuperMember {
                prop,
                this_ref,
                func_ref,
            } => {
                let ok = self
                    .this_scope()
                    .map(|f| self.scopes[f].is_method)
                    .unwrap_or(false)
                    || self.opts.allow_super_property;
                if !ok {
                    self.fail(err("'super' keyword unexpected here", e.span));
                }
                self.hidden_reference(this_ref);
                self.hidden_reference(func_ref);
                match prop {
                    MemberProp::Computed(x) => self.visit_expr(x),
                    _ => false,
                }
            }
            ExprKind::OptionalChain(x) | ExprKind::Paren(x) => self.visit_expr(x),
            ExprKind::Sequence(xs) => {
                let mut s = false;
                for x in xs {
                    s |= self.visit_expr(x);
                }
                s
            }
            ExprKind::Yield { arg, .. } => {
                let f = self.func_scope();
                if !(f.kind == ScopeKind::Function && f.is_generator && !f.is_arrow) {
                    self.fail(err("Unexpected identifier 'yield'", e.span));
                } else if f.in_params {
                    self.fail(err(
                        "Yield expression not allowed in formal parameter",
                        e.span,
                    ));
                }
                if let Some(a) = arg {
                    self.visit_expr(a);
                }
                true
            }
            ExprKind::Await(x) => {
                let f = self.func_scope();
                if !f.is_async {
                    // V8 underlines the `await` keyword.
                    let at = Span::new(e.span.start as usize, e.span.start as usize + 5);
                    self.fail(err(
                        "await is only valid in async functions and the top level bodies of modules",
                        at,
                    ));
                } else if f.in_params {
                    self.fail(err(
                        "Illegal await-expression in formal parameters of async function",
                        e.span,
                    ));
                }
                self.visit_expr(x);
                true
            }
            ExprKind::PrivateIn { name, right } => {
                self.private_reference(name);
                self.visit_expr(right)
            }
        };
        e.suspends.set(s);
        s
    }

    fn check_simple_target(&mut self, target: &Expr) {
        let t = strip_parens(target);
        match &t.kind {
            ExprKind::Ident(id) => {
                if self.strict() {
                    let n = id.name.to_rust_string();
                    if n == "eval" || n == "arguments" {
                        self.fail(err("Unexpected eval or arguments in strict mode", id.span));
                    }
                }
            }
            ExprKind::Member { .. } | ExprKind::SuperMember { .. } => {}
            _ => self.fail(err(
                "Invalid left-hand side expression in postfix operation",
                target.span,
            )),
        }
    }

    fn visit_function(&mut self, f: &'a Rc<Function>, method: Option<MethodCtx>) {
        let saved_labels = std::mem::replace(
            &mut self.labels,
            LabelCtx {
                labels: Vec::new(),
                in_loop: false,
                in_switch: false,
            },
        );
        let outer = self.cur;
        let s = self.push_scope(ScopeKind::Function, Some(&f.scope));
        {
            let outer_strict = self.scopes[outer].strict;
            let sc = &mut self.scopes[s];
            sc.is_arrow = f.kind == FunctionKind::Arrow;
            sc.is_generator = f.is_generator;
            sc.is_async = f.is_async;
            sc.strict = outer_strict
                || f.has_use_strict
                || matches!(
                    f.kind,
                    FunctionKind::ClassConstructor | FunctionKind::ClassField
                )
                || method.as_ref().is_some_and(|m| m.in_class);
            sc.is_method = matches!(
                f.kind,
                FunctionKind::Method | FunctionKind::ClassConstructor | FunctionKind::ClassField
            ) || method.is_some();
            sc.is_derived_ctor = f.is_derived_ctor;
            sc.is_field_init = f.kind == FunctionKind::ClassField;
            sc.is_static_block = method.as_ref().is_some_and(|m| m.static_block);
            sc.simple_params = f.rest.is_none()
                && f.params
                    .iter()
                    .all(|p| p.default.is_none() && matches!(p.target, Pattern::Ident(_)));
        }
        if f.has_use_strict && !self.scopes[s].simple_params {
            self.fail(err(
                "Illegal 'use strict' directive in function with non-simple parameter list",
                f.span,
            ));
        }
        // A named function expression sees its own name.
        let is_expr_name = std::mem::take(&mut self.self_name_next);
        if is_expr_name {
            if let Some(name) = &f.name {
                let i = self.declare(s, &name.name, DeclKind::FunctionName, name.span);
                self.scopes[s].self_name = Some(i as u32);
            }
        }
        if let Some(name) = &f.name {
            if is_expr_name {
                // The name of a function expression is bound in the function's own context.
                self.check_contextual_keyword(name);
            }
            if self.scopes[s].strict {
                let n = name.name.to_rust_string();
                if n == "eval" || n == "arguments" {
                    self.fail(err(
                        "Unexpected eval or arguments in strict mode",
                        name.span,
                    ));
                } else if STRICT_RESERVED.contains(&n.as_str()) {
                    self.fail(err("Unexpected strict mode reserved word", name.span));
                }
            }
        }
        self.scopes[s].in_params = true;
        for p in &f.params {
            self.declare_pattern(&p.target, DeclKind::Param);
        }
        if let Some(r) = &f.rest {
            self.declare_pattern(r, DeclKind::Param);
        }
        for p in &f.params {
            self.visit_pattern(&p.target, false);
            if let Some(d) = &p.default {
                self.visit_expr(d);
            }
        }
        if let Some(r) = &f.rest {
            self.visit_pattern(r, false);
        }
        self.scopes[s].in_params = false;
        match &f.body {
            FunctionBody::Block(body) => {
                self.hoist_statements(body, true);
                for st in body {
                    self.visit_stmt(st);
                }
            }
            FunctionBody::Expr(e) => {
                self.visit_expr(e);
            }
        }
        self.pop_scope();
        self.labels = saved_labels;
        let _ = outer;
    }

    fn visit_class(&mut self, c: &'a Rc<Class>) -> bool {
        let mut s = false;
        if let Some(name) = &c.name {
            // All parts of a class are strict mode code, its name included.
            self.check_contextual_keyword(name);
            let n = name.name.to_rust_string();
            if n == "eval" || n == "arguments" {
                self.fail(err(
                    "Unexpected eval or arguments in strict mode",
                    name.span,
                ));
            } else if STRICT_RESERVED.contains(&n.as_str()) {
                self.fail(err("Unexpected strict mode reserved word", name.span));
            }
        }
        let cs = self.push_scope(ScopeKind::Class, Some(&c.scope));
        // All of a class is strict mode code, its heritage included.
        self.scopes[cs].strict = true;
        if let Some(name) = &c.name {
            self.declare(cs, &name.name, DeclKind::ClassName, name.span);
        }
        if let Some(h) = &c.super_class {
            let saved = self.heritage_of.replace(cs);
            s |= self.visit_expr(h);
            self.heritage_of = saved;
        }
        for el in &c.elements {
            let key = match el {
                ClassElement::Method { key, .. } | ClassElement::Field { key, .. } => key,
                ClassElement::StaticBlock(_) => continue,
            };
            if let PropName::Private(id) = key {
                let n = private_name(&id.name);
                self.declare(cs, &n, DeclKind::Hidden, id.span);
            }
        }
        if let Some(ctor) = &c.constructor {
            self.visit_function(
                ctor,
                Some(MethodCtx {
                    in_class: true,
                    ..Default::default()
                }),
            );
        }
        for el in &c.elements {
            match el {
                ClassElement::Method { key, func, .. } => {
                    s |= self.visit_prop_name(key);
                    self.visit_function(
                        func,
                        Some(MethodCtx {
                            in_class: true,
                            ..Default::default()
                        }),
                    );
                }
                ClassElement::Field { key, init, .. } => {
                    s |= self.visit_prop_name(key);
                    if let Some(f) = init {
                        self.visit_function(
                            f,
                            Some(MethodCtx {
                                in_class: true,
                                ..Default::default()
                            }),
                        );
                    }
                }
                ClassElement::StaticBlock(f) => {
                    self.visit_function(
                        f,
                        Some(MethodCtx {
                            in_class: true,
                            static_block: true,
                        }),
                    );
                }
            }
        }
        self.pop_scope();
        s
    }

    // -----------------------------------------------------------------------------------------
    // Phase 2: decide materialization, assign slots, resolve references.

    fn finish(&mut self) {
        // Resolve each reference to (scope, decl), marking captures.
        let refs = std::mem::take(&mut self.refs);
        // What each reference names, kept compact (12 bytes, was 32: with the references
        // themselves this list is the resolver's peak, ~6 entries a function; issue #12).
        enum Target {
            Undeclared,
            Dynamic,
            Decl(u32, u32),
        }
        let mut targets: Vec<Target> = Vec::with_capacity(refs.len());
        for r in &refs {
            let name = r.name.clone().unwrap_or_else(|| r.ident.name.clone());
            let t = self.lookup(&name, r.scope, r.outside_class);
            // In eval code a private name must be declared by a class around the eval.
            let undeclared = match t {
                None => true,
                Some((_, _, true)) => !self.opts.outer.iter().any(|i| i.find(&name).is_some()),
                Some(_) => false,
            };
            if r.name.is_some() && undeclared {
                self.fail(err(
                    format!(
                        "Private field '{}' must be declared in an enclosing class",
                        name
                    ),
                    r.ident.span,
                ));
            }
            targets.push(match t {
                None => Target::Undeclared,
                Some((_, _, true)) => Target::Dynamic,
                Some((s, d, false)) => Target::Decl(s as u32, d as u32),
            });
        }
        // Materialize: function-like scopes always; others if captured or dynamic.
        for i in 0..self.scopes.len() {
            let sc = &self.scopes[i];
            let dynamic = self.scopes[sc.func].dynamic_inside || sc.dynamic_inside;
            let captured = sc.decls.iter().any(|d| d.captured);
            if (dynamic || captured) && !sc.decls.is_empty() {
                self.scopes[i].materialized = true;
            }
            if self.scopes[i].kind == ScopeKind::Class && self.scopes[i].decls.is_empty() {
                self.scopes[i].materialized = false;
            }
        }
        // Each scope's owner (the nearest materialized scope at or above it), in one pass:
        // scopes are created parent-before-child, so a parent's owner is known first. (A walk
        // up the chain per scope was quadratic in the nesting depth: 50 000 nested blocks
        // took 30 s.)
        let mut owners = Vec::with_capacity(self.scopes.len());
        for i in 0..self.scopes.len() {
            let o = match self.scopes[i].parent {
                Some(p) if !self.scopes[i].materialized => owners[p],
                _ => i,
            };
            owners.push(o);
        }
        self.owners = owners;
        // Assign slots. Scopes are created parent-before-child, so owners come first.
        for i in 0..self.scopes.len() {
            let owner = self.owner(i);
            let top_level_global = matches!(self.scopes[i].kind, ScopeKind::Script)
                || (self.scopes[i].kind == ScopeKind::Eval && !self.scopes[i].strict);
            for d in 0..self.scopes[i].decls.len() {
                if top_level_global {
                    let k = self.scopes[i].decls[d].kind;
                    if matches!(k, DeclKind::Var | DeclKind::Function)
                        || (self.scopes[i].kind == ScopeKind::Script && k != DeclKind::Hidden)
                    {
                        continue;
                    }
                }
                let slot = self.scopes[owner].num_slots;
                self.scopes[owner].num_slots += 1;
                self.scopes[i].decls[d].slot = slot;
            }
        }
        // Write bindings.
        for (r, t) in refs.iter().zip(targets) {
            let b = match t {
                Target::Undeclared => Binding::Global,
                Target::Dynamic => Binding::Dynamic,
                Target::Decl(s, d) => {
                    let (s, d) = (s as usize, d as usize);
                    let sc = &self.scopes[s];
                    let decl = &sc.decls[d];
                    let global_level = sc.kind == ScopeKind::Script
                        || (sc.kind == ScopeKind::Eval
                            && !sc.strict
                            && matches!(decl.kind, DeclKind::Var | DeclKind::Function));
                    if global_level {
                        if sc.kind == ScopeKind::Script {
                            Binding::Global
                        } else {
                            Binding::Dynamic
                        }
                    } else {
                        let hops = self.hops(r.scope, s);
                        Binding::Local {
                            hops,
                            slot: decl.slot,
                            kind: decl.kind,
                        }
                    }
                }
            };
            r.ident.binding.set(b);
        }
        for (v, sc) in std::mem::take(&mut self.using_decls) {
            let scope = &self.scopes[sc];
            if let Some(d) = scope.lookup.get(&JsStr::intern(DISPOSE), &scope.decls) {
                v.dispose_slot.set(scope.decls[d].slot);
            }
        }
        // Publish ScopeInfo. (The hidden names are interned once, not per scope.)
        let (new_target, func, arguments, dispose) = (
            JsStr::intern(NEW_TARGET),
            JsStr::intern(FUNC),
            JsStr::intern(ARGUMENTS),
            JsStr::intern(DISPOSE),
        );
        let this = JsStr::intern(THIS);
        for i in 0..self.scopes.len() {
            let sc = &self.scopes[i];
            let Some(target) = sc.target else { continue };
            let find_hidden = |nm: &JsStr| {
                sc.lookup
                    .get(nm, &sc.decls)
                    .map(|d| sc.decls[d].slot)
                    .filter(|_| sc.kind == ScopeKind::Function)
            };
            let mut info = ScopeInfo {
                kind: sc.kind,
                materialized: sc.materialized,
                num_slots: sc.num_slots,
                decls: sc
                    .decls
                    .iter()
                    .map(|d| Decl {
                        name: d.name.clone(),
                        kind: d.kind,
                        slot: d.slot,
                    })
                    .collect(),
                functions: sc
                    .functions
                    .iter()
                    .map(|(d, f)| (sc.decls[*d].slot, f.clone()))
                    .collect(),
                strict: sc.strict,
                this_slot: find_hidden(&this),
                new_target_slot: find_hidden(&new_target),
                func_slot: find_hidden(&func),
                arguments_slot: sc
                    .lookup
                    .get(&arguments, &sc.decls)
                    .filter(|&d| {
                        sc.decls[d].kind == DeclKind::Hidden
                            || (sc.decls[d].kind == DeclKind::Var
                                && sc.kind == ScopeKind::Function
                                && !sc.is_arrow)
                    })
                    .map(|d| sc.decls[d].slot),
                self_name_slot: sc.self_name.map(|d| sc.decls[d as usize].slot),
                simple_params: sc.simple_params,
                has_tdz_decls: sc.decls.iter().any(|d| d.kind.has_tdz()),
                plain_call: false,
                param_slots: sc
                    .param_decls
                    .iter()
                    .map(|&d| sc.decls[d as usize].slot)
                    .collect(),
                has_direct_eval: sc.has_direct_eval,
                is_field_init: sc.is_field_init,
                is_method: sc.is_method,
                dispose_slot: sc.lookup.get(&dispose, &sc.decls).map(|d| sc.decls[d].slot),
            };
            info.plain_call = info.simple_params
                && info.this_slot.is_none()
                && info.new_target_slot.is_none()
                && info.func_slot.is_none()
                && info.self_name_slot.is_none()
                && info.arguments_slot.is_none()
                && info.functions.is_empty();
            let _ = target.set(Rc::new(info));
        }
    }

    /// Nearest materialized scope at or above `s`.
    fn owner(&self, mut s: usize) -> usize {
        if let Some(&o) = self.owners.get(s) {
            return o;
        }
        loop {
            let sc = &self.scopes[s];
            if sc.materialized {
                return s;
            }
            match sc.parent {
                Some(p) => s = p,
                None => return s,
            }
        }
    }

    fn hops(&self, from: usize, to: usize) -> u32 {
        let target = self.owner(to);
        let mut cur = self.owner(from);
        let mut hops = 0;
        while cur != target {
            match self.scopes[cur].parent {
                Some(p) => {
                    cur = self.owner(p);
                    hops += 1;
                }
                None => break,
            }
        }
        hops
    }

    /// Finds the declaration `name` visible from scope `from`: (scope, decl index, dynamic).
    /// Marks it captured when found across a function boundary. Declares `arguments` on demand.
    /// The declaration `name` refers to from scope `from`. `skip_first`: a private name used
    /// directly in a class heritage, which `from` (the class scope) does not declare.
    fn lookup(
        &mut self,
        name: &JsStr,
        from: usize,
        skip_first: bool,
    ) -> Option<(usize, usize, bool)> {
        let mut s = from;
        let from_func = self.scopes[from].func;
        let mut dynamic = false;
        let is_arguments = name.units() == ARGUMENTS_U16;
        let is_private = name.units().first() == Some(&(b'#' as u16));
        let mut skip = skip_first;
        loop {
            let found = if skip {
                None
            } else {
                self.scopes[s].lookup.get(name, &self.scopes[s].decls)
            };
            // Up from a scope made in a class heritage, the class's private names are not
            // in scope (ClassDefinitionEvaluation step 10.b).
            skip = is_private && self.scopes[s].heritage_child;
            if let Some(d) = found {
                if self.scopes[s].func != from_func {
                    self.scopes[s].decls[d].captured = true;
                }
                return Some((s, d, dynamic));
            }
            let sc = &self.scopes[s];
            if sc.kind == ScopeKind::Function && !sc.is_arrow && is_arguments && !sc.is_field_init {
                let d = self.declare(s, name, DeclKind::Hidden, Span::default());
                if self.scopes[s].func != from_func {
                    self.scopes[s].decls[d].captured = true;
                }
                return Some((s, d, dynamic));
            }
            let sc = &self.scopes[s];
            if sc.kind == ScopeKind::With {
                dynamic = true;
            }
            if sc.kind == ScopeKind::Function && sc.has_direct_eval && !sc.strict {
                dynamic = true;
            }
            match sc.parent {
                Some(p) => s = p,
                None => break,
            }
        }
        // Eval code: the caller's scopes.
        if !self.opts.outer.is_empty() {
            return Some((0, 0, true));
        }
        if dynamic {
            Some((0, 0, true))
        } else {
            None
        }
    }
}

#[derive(Default, Clone, Copy)]
struct MethodCtx {
    in_class: bool,
    /// The synthesized function of a class static block.
    static_block: bool,
}

const EVAL: &[u16] = &[101, 118, 97, 108];
const ARGUMENTS_U16: &[u16] = &[97, 114, 103, 117, 109, 101, 110, 116, 115];
const YIELD_U16: &[u16] = &[121, 105, 101, 108, 100];
const AWAIT_U16: &[u16] = &[97, 119, 97, 105, 116];

fn private_name(n: &JsStr) -> JsStr {
    let s = n.to_rust_string();
    if s.starts_with('#') {
        n.clone()
    } else {
        JsStr::intern(&format!("#{s}"))
    }
}

/// `x.#p` / `x?.#p`, possibly parenthesized (the operand `delete` may not have).
fn is_private_reference(e: &Expr) -> bool {
    match &strip_parens(e).kind {
        ExprKind::Member {
            prop: MemberProp::Private(_),
            ..
        } => true,
        ExprKind::OptionalChain(x) => is_private_reference(x),
        _ => false,
    }
}

/// IsLabelledFunction: a labelled statement whose item is (through labels) a function
/// declaration.
fn is_labelled_function(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::Labeled { body, .. } => {
            matches!(body.kind, StmtKind::Function(_)) || is_labelled_function(body)
        }
        _ => false,
    }
}

fn strip_parens(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip_parens(x),
        _ => e,
    }
}

fn is_loop_stmt(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::For { .. }
        | StmtKind::ForInOf { .. }
        | StmtKind::While { .. }
        | StmtKind::DoWhile { .. } => true,
        StmtKind::Labeled { body, .. } => is_loop_stmt(body),
        _ => false,
    }
}

impl ScopeInfo {
    /// A script-level layout with no bindings (direct eval at top level).
    pub fn empty_script() -> ScopeInfo {
        ScopeInfo {
            kind: ScopeKind::Script,
            materialized: true,
            num_slots: 0,
            decls: Box::default(),
            functions: Box::default(),
            strict: false,
            this_slot: None,
            new_target_slot: None,
            func_slot: None,
            arguments_slot: None,
            self_name_slot: None,
            simple_params: true,
            has_tdz_decls: false,
            plain_call: false,
            param_slots: Box::default(),
            has_direct_eval: false,
            is_field_init: false,
            is_method: false,
            dispose_slot: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::parser::{parse_script, ParseOptions};

    fn early_error(src: &str) -> Option<String> {
        let script = match parse_script(src, &ParseOptions::default()) {
            Ok(s) => s,
            Err(e) => return Some(e.message),
        };
        super::resolve_script(&script, &super::ResolveOptions::default())
            .err()
            .map(|e| e.message)
    }

    #[test]
    fn deeply_nested_blocks_resolve_with_the_right_slots() {
        // 30 000 nested blocks (one pass per scope for its owner: this was quadratic), with a
        // captured binding at the bottom that must land in its own materialized block.
        let depth = 30_000;
        let src = format!(
            "{}let x = 1; (() => x)();{}",
            "{".repeat(depth),
            "}".repeat(depth)
        );
        // The parser recurses per block: give it the stack jsgen's own thread has.
        let r = std::thread::Builder::new()
            .stack_size(1 << 30)
            .spawn(move || early_error(&src))
            .expect("thread")
            .join()
            .expect("no panic");
        assert_eq!(r, None);
    }

    #[test]
    fn scope_early_errors() {
        let cases = [
            ("let a; let a;", "Identifier 'a' has already been declared"),
            ("let a; var a;", "Identifier 'a' has already been declared"),
            (
                "{ let b; { var b; } }",
                "Identifier 'b' has already been declared",
            ),
            ("const c;", "Missing initializer in const declaration"),
            ("break;", "Illegal break statement"),
            ("while (0) { continue x; }", "Undefined label 'x'"),
            ("return 1;", "Illegal return statement"),
            // Outside generators `yield` is an identifier, so this is a parse error (as in V8).
            ("function f() { yield 1; }", "Unexpected number"),
            (
                "async function f() { () => await 1; }",
                "await is only valid in async functions and the top level bodies of modules",
            ),
            (
                "'use strict'; delete x;",
                "Delete of an unqualified identifier in strict mode.",
            ),
            (
                "'use strict'; with (a) {}",
                "Strict mode code may not include a with statement",
            ),
            (
                "'use strict'; var eval = 1;",
                "Unexpected eval or arguments in strict mode",
            ),
            (
                "'use strict'; function f(a, a) {}",
                "Duplicate parameter name not allowed in this context",
            ),
            (
                "class A { m() { super(); } }",
                "'super' keyword unexpected here",
            ),
            (
                "function f() { super.x; }",
                "'super' keyword unexpected here",
            ),
            (
                "class A { m() { this.#p; } }",
                "Private field '#p' must be declared in an enclosing class",
            ),
            (
                "try {} catch (e) { let e; }",
                "Identifier 'e' has already been declared",
            ),
        ];
        for (src, msg) in cases {
            assert_eq!(early_error(src).as_deref(), Some(msg), "source: {src}");
        }
    }

    #[test]
    fn escaped_contextual_keywords() {
        const ESC: &str = "Keyword must not contain escaped characters";
        let cases = [
            ("function* g() { var yi\\u0065ld; }", ESC),
            ("function* g() { yi\\u0065ld; }", ESC),
            ("function* g() { yi\\u0065ld: 1; }", ESC),
            ("function* g(yi\\u0065ld) {}", ESC),
            ("(function* yi\\u0065ld() {})", ESC),
            ("function* g() { (yi\\u0065ld) => 1; }", ESC),
            ("async function f() { var \\u0061wait; }", ESC),
            ("async function f() { \\u0061wait: 1; }", ESC),
            ("(async function \\u0061wait() {})", ESC),
            ("async (\\u0061wait) => 1", ESC),
            ("function* g() { function yi\\u0065ld() {} }", ESC),
            ("async function f() { function \\u0061wait() {} }", ESC),
            ("({ async *m() { var \\u0061wait; } })", ESC),
            ("class C { static { \\u0061wait; } }", ESC),
            (
                "class C { static { await: 0; } }",
                "Unexpected reserved word",
            ),
            (
                "class C { static { let await; } }",
                "Unexpected reserved word",
            ),
            (
                "class C { static { (class await {}); } }",
                "Unexpected reserved word",
            ),
            (
                "class C { static { (await => 0); } }",
                "Unexpected reserved word",
            ),
            (
                "class C { static { ({ await }); } }",
                "Unexpected reserved word",
            ),
            (
                "'use strict'; yi\\u0065ld: 1;",
                "Unexpected strict mode reserved word",
            ),
            ("class yield {}", "Unexpected strict mode reserved word"),
            (
                "(class eval {})",
                "Unexpected eval or arguments in strict mode",
            ),
            ("var \\u0069f;", ESC),
        ];
        for (src, msg) in cases {
            assert_eq!(early_error(src).as_deref(), Some(msg), "source: {src}");
        }
        // Where they are not keywords, escaped forms are plain identifiers.
        let ok = [
            "var yi\\u0065ld; yi\\u0065ld: 1;",
            "var \\u0061wait; \\u0061wait: 1;",
            "function* yi\\u0065ld() {}",
            "async function \\u0061wait() {}",
            "function* g() { function f() { var yi\\u0065ld; } }",
            "class C { static { () => await; (function await() {}); } }",
            "({ \\u0069f: 1 }).\\u0069f",
        ];
        for src in ok {
            assert_eq!(early_error(src), None, "source: {src}");
        }
    }

    #[test]
    fn yield_and_await_expressions_in_parameters() {
        let cases = [
            (
                "(async function*(x = await 1) {})",
                "Illegal await-expression in formal parameters of async function",
            ),
            (
                "async function f(x = await 1) {}",
                "Illegal await-expression in formal parameters of async function",
            ),
            (
                "(async function*(x = yield) {})",
                "Yield expression not allowed in formal parameter",
            ),
            (
                "function* g(x = yield) {}",
                "Yield expression not allowed in formal parameter",
            ),
            (
                "({ *m([x = yield]) {} })",
                "Yield expression not allowed in formal parameter",
            ),
        ];
        for (src, msg) in cases {
            assert_eq!(early_error(src).as_deref(), Some(msg), "source: {src}");
        }
        // Nested functions in parameters have their own context.
        let ok = [
            "async function f(x = async () => await 1) {}",
            "function* g(x = function* () { yield 1; }) {}",
        ];
        for src in ok {
            assert_eq!(early_error(src), None, "source: {src}");
        }
    }

    #[test]
    fn regular_expression_literals_are_validated() {
        let cases = [
            ("/./G;", "Invalid regular expression flags"),
            ("/./gig;", "Invalid regular expression flags"),
            (
                "x = /?/;",
                "Invalid regular expression: /?/: Nothing to repeat",
            ),
            (
                "function f() { return /(?<a>.)(?<a>.)/; }",
                "Invalid regular expression: /(?<a>.)(?<a>.)/: Duplicate capture group name",
            ),
        ];
        for (src, msg) in cases {
            assert_eq!(early_error(src).as_deref(), Some(msg), "source: {src}");
        }
        assert_eq!(early_error("/(?<a>.)\\k<a>/u.test('xx')"), None);
    }

    #[test]
    fn arguments_in_class_field_initializers() {
        let msg =
            "'arguments' is not allowed in class field initializer or static initialization block";
        for src in [
            "class C { x = arguments; }",
            "class C { #x = () => arguments; }",
            "class C { static x = typeof arguments; }",
            "class C { static { arguments; } }",
            "class C { x = { arguments }; }",
        ] {
            assert_eq!(early_error(src).as_deref(), Some(msg), "source: {src}");
        }
        for src in [
            "class C { x = function () { return arguments; }; }",
            "class C { m() { return arguments; } }",
            "class C { x = { arguments: 1 }.arguments; }",
        ] {
            assert_eq!(early_error(src), None, "source: {src}");
        }
    }

    #[test]
    fn statement_and_class_early_errors() {
        let labelled =
            "In non-strict mode code, functions can only be declared at top level, inside a block, or as the body of an if statement.";
        let cases = [
            ("if (x) l: function f() {}", labelled),
            ("while (0) l: m: function f() {}", labelled),
            ("for (;;) l: function f() {}", labelled),
            ("with (o) l: function f() {}", labelled),
            (
                "'use strict'; l: function f() {}",
                "In strict mode code, functions can only be declared at top level or inside a block.",
            ),
            (
                "function f() { class C { static { return; } } }",
                "Illegal return statement",
            ),
            (
                "class C extends (function () { with ({}); }) {}",
                "Strict mode code may not include a with statement",
            ),
            (
                "try {} catch ([x, x]) {}",
                "Identifier 'x' has already been declared",
            ),
            (
                "({ m(a, a) {} })",
                "Duplicate parameter name not allowed in this context",
            ),
            (
                "class A { *g() { (function yield() {}); } }",
                "Unexpected strict mode reserved word",
            ),
            (
                "class C { #x; m() { const { #x: x } = this; } }",
                "Unexpected identifier '#x'",
            ),
            (
                "class C { #x; m() { delete this.#x; } }",
                "Private fields can not be deleted",
            ),
            (
                "class C { #x; m() { delete ((this.#x)); } }",
                "Private fields can not be deleted",
            ),
            (
                "class C { #x; m() { delete this?.#x; } }",
                "Private fields can not be deleted",
            ),
            (
                "'use strict'; if (x) function f() {}",
                "In strict mode code, functions can only be declared at top level or inside a block.",
            ),
            (
                "switch (x) { default: case 1: default: }",
                "More than one default clause in switch statement",
            ),
            ("a?.b`c`;", "Invalid tagged template on optional chain"),
            ("a?.b\n`c`;", "Invalid tagged template on optional chain"),
            ("a?.[0].b()\n`c`;", "Invalid tagged template on optional chain"),
        ];
        for (src, msg) in cases {
            assert_eq!(early_error(src).as_deref(), Some(msg), "source: {src}");
        }
        for src in [
            "l: function f() {}",
            "if (x) function f() {}",
            "if (x) { l: function f() {} }",
            "function f(a, a) {}",
            "class C { #x; m() { delete this.#x.y; } }",
            "(a?.b)`c`;",
            "a?.b;\n`c`.length;",
            "x = a?.b;\n`c`;",
            "a.b\n`c`;",
        ] {
            assert_eq!(early_error(src), None, "source: {src}");
        }
    }

    #[test]
    fn valid_programs_have_no_early_errors() {
        let ok = [
            "var a; var a; function a() {}",
            "function f(a, a) {}",
            "try {} catch (e) { var e; }",
            "l: for (;;) { for (;;) { continue l; } }",
            "function* g() { yield 1; (function () { var yield_ = 1; }); }",
            "async function f() { await 1; for await (const x of []) {} }",
            "class A extends Object { constructor() { super(); } m() { return super.m; } }",
            "class A { #p = 1; static s(o) { return #p in o; } }",
        ];
        for src in ok {
            assert_eq!(early_error(src), None, "source: {src}");
        }
    }

    /// `using` / `await using`: where V8 parses them as declarations, and their early errors
    /// with V8's messages.
    #[test]
    fn using_declarations() {
        let errors = [
            ("using x = null;", "Unexpected identifier 'x'"),
            (
                "switch (1) { case 1: using x = null; }",
                "Unexpected identifier 'x'",
            ),
            ("if (1) using x = null;", "Unexpected identifier 'x'"),
            ("l: using x = null;", "Unexpected identifier 'x'"),
            ("{ using x; }", "Missing initializer in using declaration"),
            (
                "{ using x = 1, [y] = 2; }",
                "Missing initializer in using declaration",
            ),
            ("{ using {x} = null; }", "Unexpected token '{'"),
            (
                "{ using let = null; }",
                "let is disallowed as a lexically bound name",
            ),
            (
                "{ using x = 1; let x; }",
                "Identifier 'x' has already been declared",
            ),
            (
                "{ using x = 1; var x; }",
                "Identifier 'x' has already been declared",
            ),
            ("for (using x in {});", "Invalid 'using' in for-in loop"),
            (
                "for (using x = 1 of []);",
                "for-of loop variable declaration may not have an initializer.",
            ),
            (
                "for (using x, y of []);",
                "Missing initializer in using declaration",
            ),
            ("for (using of of []);", "Unexpected token ']'"),
            (
                "async function f() { await using x; }",
                "Missing initializer in await using declaration",
            ),
            (
                "function f() { await using x = null; }",
                "await is only valid in async functions and the top level bodies of modules",
            ),
            (
                "async function f() { using await = null; }",
                "Unexpected reserved word",
            ),
            (
                "function* g() { using yield = null; }",
                "Unexpected identifier 'yield'",
            ),
            (
                "async function f() { await\nusing x = null; }",
                "Unexpected identifier 'x'",
            ),
        ];
        for (src, msg) in errors {
            assert_eq!(early_error(src).as_deref(), Some(msg), "source: {src}");
        }
        let ok = [
            "{ using x = null, y = undefined; }",
            "function f() { using x = a; { using y = b; } }",
            "{ using [x] = null; }",
            "{ using\nx = null; }",
            "{ using in o; using instanceof C; }",
            "var using; using = 1; using: 1; using.x; using(1);",
            "for (using x of []);",
            "for (using x = a; ; ) break;",
            "for (using of []);",
            "for (using of = a; ; ) break;",
            "for (using [x] of []);",
            "class C { static { using x = null; } }",
            "function f() { using await = null; }",
            "async function f() { await using x = a; for (await using y of b); }",
            "async function f() { for await (await using x of a); }",
            "async function f() { for (await using of of []); }",
            "async function f() { await using\nx = null; }",
            "switch (1) { case 1: { using x = null; } }",
        ];
        for src in ok {
            assert_eq!(early_error(src), None, "source: {src}");
        }
    }
}
