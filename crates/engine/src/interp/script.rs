//! Running a script: parse, resolve, GlobalDeclarationInstantiation, evaluate
//! (ScriptEvaluation), and module-like code with top-level `await`.

use std::rc::Rc;

use crate::ast::{Script, Span, StmtKind};
use crate::interp::scope::Env;
use crate::interp::{Abrupt, Interp, SourceFile};
use crate::object::{Attrs, PropKey, PropertyDescriptor};
use crate::parser::{parse_script, ParseOptions, SyntaxError};
use crate::resolve::{resolve_script, DeclKind, ResolveOptions};
use crate::value::Value;

/// Why a script did not complete normally.
#[derive(Debug)]
pub enum RunError {
    /// Early (parse-time) error.
    Syntax { source: u32, error: SyntaxError },
    /// An exception nobody caught.
    Uncaught {
        value: Value,
        pos: Option<(u32, Span)>,
    },
}

/// `(async () => { <body> })()`: runs a module-like body as an async arrow (strict; `this`
/// is the top-level `this`, which is `undefined` in module-like code).
fn wrap_module_body(script: Script) -> Script {
    use crate::ast::{Expr, ExprKind, Stmt, StmtKind};
    let span = script.span;
    let func = module_body_function(script.body, span);
    let call = Expr::call(
        Expr::new(ExprKind::Arrow(func), span),
        Vec::new(),
        false,
        span,
    );
    Script {
        body: vec![Stmt::new(StmtKind::Expr(call), span)],
        strict: true,
        span,
        scope: Default::default(),
    }
}

/// A module (or module-like) body as the strict async arrow it is evaluated as.
pub(crate) fn module_body_function(
    body: Vec<crate::ast::Stmt>,
    span: crate::ast::Span,
) -> Rc<crate::ast::Function> {
    use crate::ast::{Function, FunctionBody, FunctionKind};
    Rc::new(Function {
        name: None,
        kind: FunctionKind::Arrow,
        is_async: true,
        is_generator: false,
        params: Vec::new(),
        rest: None,
        body: FunctionBody::Block(body),
        has_use_strict: true,
        is_derived_ctor: false,
        span,
        scope: Default::default(),
        inferred_name: Default::default(),
    })
}

impl Interp {
    /// Registers a source text for diagnostics; returns its index.
    pub fn add_source(&mut self, name: &str, text: &str) -> u32 {
        self.sources
            .push(Rc::new(SourceFile::new(name.to_string(), Rc::from(text))));
        (self.sources.len() - 1) as u32
    }

    /// Replaces the text of source `id` (a slot reused for throwaway code such as REPL
    /// previews, so they do not grow the source table).
    pub fn replace_source(&mut self, id: u32, name: &str, text: &str) {
        if let Some(s) = self.sources.get_mut(id as usize) {
            *s = Rc::new(SourceFile::new(name.to_string(), Rc::from(text)));
        }
    }

    /// Parses and resolves a script.
    pub fn compile(&mut self, source: u32, opts: &ParseOptions) -> Result<Rc<Script>, RunError> {
        let text = self.sources[source as usize].text.clone();
        let script =
            parse_script(&text, opts).map_err(|error| RunError::Syntax { source, error })?;
        let ropts = ResolveOptions {
            top_level_await: opts.top_level_await,
            ..Default::default()
        };
        resolve_script(&script, &ropts).map_err(|error| RunError::Syntax { source, error })?;
        Ok(Rc::new(script))
    }

    /// Runs a script's text (ScriptEvaluation of global code) to completion; the caller
    /// then runs the jobs and the host's event loop.
    ///
    /// As Node's module detection: a text that fails to parse as a script but parses with
    /// top-level `await` runs as module-like code (strict, `this` undefined, top-level
    /// declarations local to it), its body suspending at each top-level `await`.
    pub fn run_script(&mut self, name: &str, text: &str) -> Result<Value, RunError> {
        self.run_script_with(name, text, false, &mut |_| {})
    }

    /// [`Interp::run_script`], calling `setup` just before a text that parsed as a script
    /// runs (Node's `-e` installs `require`/`module` there). With `detect_esm`, `import` and
    /// `export` also make a text that is not a script run as module code (Node 24's
    /// detection for `-e` and stdin); without, only top-level `await` does (test262's
    /// scripts must reject import/export).
    pub fn run_script_with(
        &mut self,
        name: &str,
        text: &str,
        detect_esm: bool,
        setup: &mut dyn FnMut(&mut Interp),
    ) -> Result<Value, RunError> {
        let source = self.add_source(name, text);
        match self.compile(source, &ParseOptions::default()) {
            Ok(script) => {
                setup(self);
                self.evaluate_script(&script, source)
            }
            Err(first) => self.run_module_like(source, text, first, detect_esm),
        }
    }

    /// Node's module detection: code that failed to parse as a script (`first` is that
    /// error) but parses with top-level `await` runs as module-like code (strict, `this`
    /// undefined, top-level declarations local to it), suspending at each top-level `await`.
    /// With `esm`, `import`/`export` also make it module code (a file); without, only
    /// top-level `await` does (global code: test262's scripts must reject import/export).
    pub fn run_module_like(
        &mut self,
        source: u32,
        text: &str,
        first: RunError,
        esm: bool,
    ) -> Result<Value, RunError> {
        let words: &[&str] = if esm {
            &["await", "import", "export"]
        } else {
            &["await"]
        };
        if !words.iter().any(|w| text.contains(w)) {
            return Err(first);
        }
        let Ok(script) = parse_module_like(text, esm) else {
            return Err(first);
        };
        if esm {
            // Node's detection: the text is an ES module (a module record, loaded by the
            // host's hooks).
            let key = crate::string::JsStr::from(self.sources[source as usize].name.as_str());
            let id = self.create_source_text_module(key, source)?;
            return self.run_module_record(id);
        }
        if !esm && has_top_level_using(&script) {
            // Global code: a top-level `using` / `await using` is a Script early error, not
            // a reason to run as a module.
            return Err(first);
        }
        let wrapped = link_module_like(source, script)?;
        self.module_like = true;
        self.evaluate_script(&wrapped, source)
    }

    /// Runs `text` as module code whatever it contains (`--input-type=module`): strict,
    /// `import`/`export` and top-level `await` allowed.
    pub fn run_module(&mut self, name: &str, text: &str) -> Result<Value, RunError> {
        let source = self.add_source(name, text);
        let id = self.create_source_text_module(crate::string::JsStr::from(name), source)?;
        self.run_module_record(id)
    }

    /// Whether the running main code is module code (top-level `await`, `this` undefined).
    pub fn is_module_code(&self) -> bool {
        self.module_like
    }

    /// ScriptEvaluation: GlobalDeclarationInstantiation, then the statements.
    pub fn evaluate_script(&mut self, script: &Rc<Script>, source: u32) -> Result<Value, RunError> {
        let Some(info) = script.scope.get().cloned() else {
            return Err(RunError::Syntax {
                source,
                error: SyntaxError {
                    message: "internal error: unresolved script".into(),
                    span: script.span,
                    incomplete: false,
                },
            });
        };
        let env = Env::new(None, &info);
        self.stack.push(crate::interp::StackEntry {
            method_call: None,
            construct: false,
            next_below: false,
            name: crate::string::JsStr::empty(),
            pos: Span::default(),
            source,
            kind: crate::interp::FrameKind::Js,
        });
        let r = self
            .global_declaration_instantiation(&info, &env, source)
            .and_then(|_| self.eval_stmts(&script.body, &env));
        let pos = self.last_error_pos.take();
        self.stack.pop();
        match r {
            Ok(v) => Ok(if let Value::Empty = v {
                Value::Undefined
            } else {
                v
            }),
            Err(Abrupt::Throw(value)) => Err(RunError::Uncaught { value, pos }),
            Err(Abrupt::Return(v)) => Ok(v),
            Err(_) => Ok(Value::Undefined),
        }
    }

    fn global_declaration_instantiation(
        &mut self,
        info: &Rc<crate::resolve::ScopeInfo>,
        env: &Env,
        _source: u32,
    ) -> Result<(), Abrupt> {
        let g = self.global.clone();
        // Lexical names may not clash with existing lexical or restricted global names.
        for d in &info.decls {
            if d.kind.is_lexical() {
                if self.global_lex.names.contains_key(&d.name) {
                    return Err(self.syntax_error(format!(
                        "Identifier '{}' has already been declared",
                        d.name
                    )));
                }
                if let Some(p) = g.get_own_property(&PropKey::from_str(&d.name)) {
                    if !p.attrs.configurable() {
                        return Err(self.syntax_error(format!(
                            "Identifier '{}' has already been declared",
                            d.name
                        )));
                    }
                }
            }
            if matches!(d.kind, DeclKind::Var | DeclKind::Function)
                && self.global_lex.names.contains_key(&d.name)
            {
                return Err(
                    self.syntax_error(format!("Identifier '{}' has already been declared", d.name))
                );
            }
        }
        for d in &info.decls {
            match d.kind {
                DeclKind::Let | DeclKind::Const | DeclKind::Class => {
                    self.global_lex.declare(d.name.clone(), d.kind);
                }
                DeclKind::Var => {
                    let key = PropKey::from_str(&d.name);
                    if g.get_own_property(&key).is_none() {
                        g.define(key, Value::Undefined, Attrs::new(true, true, false));
                    }
                }
                _ => {}
            }
        }
        for (_, f) in &info.functions {
            let Some(name) = &f.name else { continue };
            let clo = self.make_closure(f, env, None, None);
            let key = PropKey::from_str(&name.name);
            let existing = g.get_own_property(&key);
            let desc = match existing {
                Some(p) if !p.attrs.configurable() => PropertyDescriptor {
                    value: Some(Value::Object(clo)),
                    ..Default::default()
                },
                _ => PropertyDescriptor::data(Value::Object(clo), Attrs::new(true, true, false)),
            };
            self.define_property_or_throw(&g, key, desc)?;
        }
        Ok(())
    }
}

/// Does module-like code declare `using` / `await using` at its top level?
pub fn has_top_level_using(script: &Script) -> bool {
    script
        .body
        .iter()
        .any(|st| matches!(&st.kind, StmtKind::Var(v) if v.kind.is_using()))
}

/// Parses `text` as module-like code: strict, top-level `await`, and with `esm` the
/// `import`/`export` declarations (desugared by the grammar's Module goal).
pub fn parse_module_like(text: &str, esm: bool) -> Result<Script, SyntaxError> {
    let opts = ParseOptions {
        strict: true,
        top_level_await: true,
        module: esm,
    };
    parse_script(text, &opts)
}

/// Links parsed module-like code (global code with top-level `await`): the body wrapped in
/// an async arrow, resolved.
pub fn link_module_like(source: u32, script: Script) -> Result<Rc<Script>, RunError> {
    let wrapped = Rc::new(wrap_module_body(script));
    resolve_script(&wrapped, &ResolveOptions::default())
        .map_err(|error| RunError::Syntax { source, error })?;
    Ok(wrapped)
}
