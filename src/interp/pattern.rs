//! Destructuring: BindingInitialization (declarations, parameters) and
//! DestructuringAssignmentEvaluation (assignment expressions, for-of heads).

use crate::ast::{Pattern, PropName};
use crate::interp::scope::Env;
use crate::interp::{Interp, JsResult};
use crate::object::PropKey;
use crate::value::Value;

/// What to do with each leaf identifier.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// InitializeReferencedBinding (let/const/params/catch).
    Init,
    /// PutValue (var declarations, assignment).
    Put,
}

impl Interp {
    /// Binds a declaration pattern: `init` for let/const/params (initialization), false for
    /// `var` (assignment of an existing binding).
    pub fn bind_pattern(&mut self, p: &Pattern, v: Value, env: &Env, init: bool) -> JsResult<()> {
        self.destructure(p, v, env, if init { Mode::Init } else { Mode::Put })
    }

    /// Destructuring assignment (`[a, b] = [b, a]`, `({x} = o)`).
    pub fn assign_pattern(&mut self, p: &Pattern, v: Value, env: &Env) -> JsResult<()> {
        self.destructure(p, v, env, Mode::Put)
    }

    fn destructure(&mut self, p: &Pattern, v: Value, env: &Env, mode: Mode) -> JsResult<()> {
        match p {
            Pattern::Ident(id) => match mode {
                Mode::Init => self.init_binding(id, v, env),
                Mode::Put => {
                    let strict = self.is_strict_env(env);
                    self.set_binding(id, v, env, strict)
                }
            },
            Pattern::Expr(e) => {
                let strict = self.is_strict_env(env);
                let mut e = &**e;
                while let crate::ast::ExprKind::Paren(inner) = &e.kind {
                    e = inner;
                }
                match &e.kind {
                    crate::ast::ExprKind::Member { object, prop, .. } => {
                        let base = self.eval_expr(object, env)?;
                        let key = self.eval_member_key(prop, env)?;
                        self.put_member(&base, key, v, strict)
                    }
                    _ => Err(self.syntax_error("Invalid destructuring assignment target")),
                }
            }
            Pattern::Object { props, rest, .. } => {
                if v.is_nullish() {
                    let what = if v.is_undefined() {
                        "undefined"
                    } else {
                        "null"
                    };
                    let msg = match props.first().map(|p| &p.key) {
                        Some(PropName::Static(k)) => format!(
                            "Cannot destructure property '{k}' of '{what}' as it is {what}."
                        ),
                        _ => format!("Cannot destructure '{what}' as it is {what}."),
                    };
                    return Err(self.type_error(msg));
                }
                let mut used: Vec<PropKey> = Vec::new();
                for prop in props {
                    let key = self.eval_prop_name(&prop.key, env)?;
                    let mut val = self.get_v(&v, &key)?;
                    if rest.is_some() {
                        used.push(key.clone());
                    }
                    if val.is_undefined() {
                        if let Some(d) = &prop.default {
                            val = self.eval_named(d, env, &prop.target)?;
                        }
                    }
                    self.destructure(&prop.target, val, env, mode)?;
                }
                if let Some(r) = rest {
                    let o = self.new_object();
                    self.copy_data_properties(&o, &v, &used)?;
                    self.destructure(r, Value::Object(o), env, mode)?;
                }
                Ok(())
            }
            Pattern::Array { elems, rest, .. } => {
                let mut rec = self.get_iterator(&v)?;
                let r = (|| -> JsResult<()> {
                    for el in elems {
                        let next = if rec.done {
                            None
                        } else {
                            self.iterator_step_value(&mut rec)?
                        };
                        let Some(el) = el else { continue };
                        let mut val = next.unwrap_or_default();
                        if val.is_undefined() {
                            if let Some(d) = &el.default {
                                val = self.eval_named(d, env, &el.target)?;
                            }
                        }
                        self.destructure(&el.target, val, env, mode)?;
                    }
                    if let Some(r) = rest {
                        let mut items = Vec::new();
                        while !rec.done {
                            match self.iterator_step_value(&mut rec)? {
                                Some(x) => items.push(x),
                                None => break,
                            }
                        }
                        let arr = self.new_array(items);
                        self.destructure(r, Value::Object(arr), env, mode)?;
                    }
                    Ok(())
                })();
                if rec.done {
                    return r;
                }
                self.iterator_close(&rec, r)
            }
        }
    }

    fn is_strict_env(&self, env: &Env) -> bool {
        let mut e = Some(env);
        while let Some(cur) = e {
            if let Some(i) = &cur.0.info {
                return i.strict;
            }
            e = cur.0.parent.as_ref();
        }
        false
    }
}
