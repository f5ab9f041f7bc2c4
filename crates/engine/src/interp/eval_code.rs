//! `eval`: PerformEval for direct and indirect calls, EvalDeclarationInstantiation.
//!
//! Eval code is parsed and resolved on its own. Its free identifiers resolve as dynamic
//! lookups through the caller's runtime environments (functions that contain a direct eval
//! keep all their scopes materialized and their names recorded, see `resolve.rs`). `var` and
//! function declarations of sloppy eval code go into the caller's variable environment (the
//! function's `eval_vars`, or the global object); strict eval code keeps them local.

use std::rc::Rc;

use crate::interp::scope::Env;
use crate::interp::{Abrupt, Interp, JsResult};
use crate::object::{Attrs, PropKey, PropertyDescriptor};
use crate::parser::{parse_script, ParseOptions};
use crate::resolve::{resolve_script, DeclKind, ResolveOptions, ScopeInfo, ScopeKind};
use crate::value::Value;

impl Interp {
    /// PerformEval(x, strictCaller, direct). `env` is the caller's environment for a direct
    /// eval, `None` for an indirect one.
    pub fn perform_eval(&mut self, x: Value, env: Option<&Env>) -> JsResult<Value> {
        let Value::String(src) = &x else {
            return Ok(x);
        };
        let text = src.to_rust_string();
        let strict_caller = env.map(env_strict).unwrap_or(false);
        let ctx = env.map(function_context).unwrap_or_default();
        let script = parse_script(
            &text,
            &ParseOptions {
                strict: strict_caller,
                top_level_await: false,
                module: false,
            },
        )
        .map_err(|e| self.syntax_error(e.message))?;
        let outer: Vec<Rc<ScopeInfo>> = env.map(scope_infos).unwrap_or_default();
        let ropts = ResolveOptions {
            outer: if env.is_some() && outer.is_empty() {
                // Direct eval at top level: resolve free names dynamically anyway.
                vec![Rc::new(ScopeInfo::empty_script())]
            } else {
                outer
            },
            is_eval: true,
            allow_new_target: ctx.in_function,
            allow_super_property: ctx.in_method,
            allow_super_call: ctx.in_derived,
            allow_arguments: ctx.in_function,
            in_field_init: ctx.in_field_init,
            top_level_await: false,
        };
        resolve_script(&script, &ropts).map_err(|e| self.syntax_error(e.message))?;
        let Some(info) = script.scope.get().cloned() else {
            return Err(self.syntax_error("internal error: unresolved eval code"));
        };
        let caller_env = env.cloned();
        let eval_env = Env::new(caller_env.clone(), &info);
        // Eval code is its own source text (functions it creates slice their source from it).
        let source = self.add_source("eval", &text);
        self.stack.push(crate::interp::StackEntry {
            method_call: None,
            construct: false,
            next_below: false,
            name: crate::string::JsStr::intern("eval"),
            pos: Default::default(),
            source,
            kind: crate::interp::FrameKind::Js,
        });
        // Closures created by the eval code hold their own `Rc<Function>`s, so the script
        // itself may be dropped afterwards.
        let r = self
            .eval_declaration_instantiation(&info, &eval_env, caller_env.as_ref())
            .and_then(|_| self.eval_stmts(&script.body, &eval_env));
        self.stack.pop();
        match r {
            Ok(Value::Empty) => Ok(Value::Undefined),
            Ok(v) => Ok(v),
            Err(Abrupt::Throw(e)) => Err(Abrupt::Throw(e)),
            Err(_) => Ok(Value::Undefined),
        }
    }

    /// Evaluates the text CreateDynamicFunction synthesizes, `(function anonymous(P\n)
    /// {\nbody\n})` (or `function*`, `async function`, `async function*`), in the global
    /// scope as indirect eval code, and returns the function. The text must be exactly one
    /// such parenthesized function expression, and the function gets no binding of its name
    /// inside itself: a dynamic function is anonymous to its own code (its `name` is
    /// "anonymous" all the same).
    pub fn eval_dynamic_function(&mut self, text: &str) -> JsResult<Value> {
        use crate::ast::{ExprKind, StmtKind};
        let mut script = parse_script(
            text,
            &ParseOptions {
                strict: false,
                top_level_await: false,
                module: false,
            },
        )
        .map_err(|e| self.syntax_error(e.message))?;
        let func = match script.body.as_mut_slice() {
            [st] => match &mut st.kind {
                StmtKind::Expr(e) => match &mut e.kind {
                    ExprKind::Paren(inner) => match &mut inner.kind {
                        ExprKind::Function(f) => Some(f),
                        _ => None,
                    },
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        };
        let Some(func) = func else {
            return Err(self.syntax_error("Unexpected token ')'"));
        };
        if let Some(f) = Rc::get_mut(func) {
            f.name = None;
        }
        let ropts = ResolveOptions {
            outer: Vec::new(),
            is_eval: true,
            allow_new_target: false,
            allow_super_property: false,
            allow_super_call: false,
            allow_arguments: false,
            in_field_init: false,
            top_level_await: false,
        };
        resolve_script(&script, &ropts).map_err(|e| self.syntax_error(e.message))?;
        let Some(info) = script.scope.get().cloned() else {
            return Err(self.syntax_error("internal error: unresolved dynamic function"));
        };
        let env = Env::new(None, &info);
        let source = self.add_source("eval", text);
        self.stack.push(crate::interp::StackEntry {
            method_call: None,
            construct: false,
            next_below: false,
            name: crate::string::JsStr::intern("eval"),
            pos: Default::default(),
            source,
            kind: crate::interp::FrameKind::Js,
        });
        let r = self.eval_stmts(&script.body, &env);
        self.stack.pop();
        r
    }

    /// EvalDeclarationInstantiation (sloppy `var`/function hoisting into the caller).
    fn eval_declaration_instantiation(
        &mut self,
        info: &Rc<ScopeInfo>,
        eval_env: &Env,
        caller: Option<&Env>,
    ) -> JsResult<()> {
        let sloppy = !info.strict;
        // Where sloppy vars go: the nearest function environment, or the global object.
        let var_env = if sloppy {
            caller.and_then(nearest_function_env)
        } else {
            None
        };
        let in_params = var_env
            .as_ref()
            .is_some_and(|fe| self.param_envs.iter().any(|p| Env::ptr_eq(p, fe)));
        if let Some(fe) = var_env.as_ref().filter(|_| in_params) {
            // Eval code in a parameter expression: the parameters (and `arguments`) live in
            // an environment between the eval and its variable environment, so a var of the
            // same name conflicts (EvalDeclarationInstantiation step 3.d).
            if let Some(fi) = &fe.0.info {
                for d in &info.decls {
                    if !matches!(d.kind, DeclKind::Var | DeclKind::Function) {
                        continue;
                    }
                    let is_param = fi
                        .decls
                        .iter()
                        .any(|p| p.kind == DeclKind::Param && p.name == d.name);
                    let is_arguments = fi.arguments_slot.is_some()
                        && d.name.to_rust_string() == crate::resolve::ARGUMENTS;
                    if is_param || is_arguments {
                        return Err(self.syntax_error(format!(
                            "Identifier '{}' has already been declared",
                            d.name
                        )));
                    }
                }
            }
        }
        if sloppy {
            // A var may not hoist over a lexical declaration of the same name.
            let mut cur = caller.cloned();
            while let Some(e) = cur {
                if let Some(i) = &e.0.info {
                    if in_params && i.kind == ScopeKind::Function {
                        // The body's lexical declarations do not exist yet.
                        break;
                    }
                    for d in &info.decls {
                        if !matches!(d.kind, DeclKind::Var | DeclKind::Function) {
                            continue;
                        }
                        if let Some(x) = i.find(&d.name) {
                            if x.kind.is_lexical() || x.kind == DeclKind::ClassName {
                                return Err(self.syntax_error(format!(
                                    "Identifier '{}' has already been declared",
                                    d.name
                                )));
                            }
                        }
                    }
                    if i.kind == ScopeKind::Function {
                        break;
                    }
                }
                cur = e.parent().cloned();
            }
            for d in &info.decls {
                if matches!(d.kind, DeclKind::Var | DeclKind::Function) {
                    match &var_env {
                        Some(fe) => {
                            let declared =
                                fe.0.info
                                    .as_ref()
                                    .is_some_and(|i| i.find(&d.name).is_some());
                            if !declared {
                                let mut m = fe.0.eval_vars.borrow_mut();
                                let map = m.get_or_insert_with(Default::default);
                                map.entry(d.name.clone()).or_insert(Value::Undefined);
                            }
                        }
                        None => {
                            if self.global_lex.names.contains_key(&d.name) {
                                return Err(self.syntax_error(format!(
                                    "Identifier '{}' has already been declared",
                                    d.name
                                )));
                            }
                            let g = self.global.clone();
                            let key = PropKey::from_str(&d.name);
                            if g.get_own_property(&key).is_none() {
                                g.define(key, Value::Undefined, Attrs::DEFAULT);
                            }
                        }
                    }
                }
            }
        }
        for (slot, f) in &info.functions {
            let clo = self.make_closure(f, eval_env, None, None);
            match (&f.name, sloppy) {
                (Some(name), true) => match &var_env {
                    Some(fe) => {
                        let declared = fe.0.info.as_ref().and_then(|i| i.find(&name.name).cloned());
                        match declared {
                            Some(d) => fe.set(0, d.slot, Value::Object(clo)),
                            None => {
                                let mut m = fe.0.eval_vars.borrow_mut();
                                let map = m.get_or_insert_with(Default::default);
                                map.insert(name.name.clone(), Value::Object(clo));
                            }
                        }
                    }
                    None => {
                        let g = self.global.clone();
                        self.define_property_or_throw(
                            &g,
                            PropKey::from_str(&name.name),
                            PropertyDescriptor::data(Value::Object(clo), Attrs::DEFAULT),
                        )?;
                    }
                },
                _ => eval_env.set(0, *slot, Value::Object(clo)),
            }
        }
        Ok(())
    }
}

fn env_strict(e: &Env) -> bool {
    let mut cur = Some(e);
    while let Some(c) = cur {
        if let Some(i) = &c.0.info {
            return i.strict;
        }
        cur = c.parent();
    }
    false
}

/// What the code around a direct eval allows.
#[derive(Default)]
struct FunctionContext {
    in_function: bool,
    in_method: bool,
    in_derived: bool,
    in_field_init: bool,
}

fn function_context(e: &Env) -> FunctionContext {
    let mut cur = Some(e);
    while let Some(c) = cur {
        if let Some(i) = &c.0.info {
            if i.kind == ScopeKind::Function && i.this_slot.is_some() {
                return FunctionContext {
                    in_function: true,
                    in_method: i.is_method,
                    in_derived: false,
                    in_field_init: i.is_field_init,
                };
            }
        }
        cur = c.parent();
    }
    FunctionContext::default()
}

fn scope_infos(e: &Env) -> Vec<Rc<ScopeInfo>> {
    let mut out = Vec::new();
    let mut cur = Some(e);
    while let Some(c) = cur {
        if let Some(i) = &c.0.info {
            out.push(i.clone());
        }
        cur = c.parent();
    }
    out
}

fn nearest_function_env(e: &Env) -> Option<Env> {
    let mut cur = Some(e);
    while let Some(c) = cur {
        if let Some(i) = &c.0.info {
            if i.kind == ScopeKind::Function {
                return Some(c.clone());
            }
        }
        cur = c.parent();
    }
    None
}
