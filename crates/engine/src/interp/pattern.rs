//! Destructuring: BindingInitialization (declarations, parameters) and
//! DestructuringAssignmentEvaluation (assignment expressions, for-of heads).

use crate::ast::{Expr, ExprKind, PatElem, Pattern, PropName, Span};
use crate::interp::eval::{Frame, PatArrayFrame, PatObjectFrame};
use crate::interp::iter::IterSite;
use crate::interp::scope::Env;
use crate::interp::{Abrupt, Interp, JsResult};
use crate::object::PropKey;
use crate::string::JsStr;
use crate::value::Value;

/// What to do with each leaf identifier.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// InitializeReferencedBinding (let/const/params/catch).
    Init,
    /// PutValue (var declarations, assignment).
    Put,
}

/// Where a destructured value comes from, as V8's messages name it when it is null or
/// undefined. V8 names a source only for a pattern that is the target of an assignment in
/// its AST (a declaration or assignment, a parameter, a for-of or catch binding, or a nested
/// pattern with a default); a nested pattern without default gets the plain property-load
/// message.
#[derive(Clone, Copy)]
pub enum DSource<'a> {
    /// No source: plain `Cannot read properties of undefined (reading 'x')`.
    None,
    /// An initializer or assigned expression, printed as V8's CallPrinter does.
    Expr(&'a Expr),
    /// A parameter: V8 prints the value itself (`undefined`, `object null`).
    Param,
    /// A parameter with a default (V8 prints its desugared conditional).
    ParamDefault,
    /// A V8 temporary: `.for` (for-of/in declarations) or `.catch`.
    Named(&'static str),
}

impl DSource<'_> {
    fn is_none(&self) -> bool {
        matches!(self, DSource::None)
    }

    /// The text V8 prints for this source when `v` is the value that failed.
    fn render(&self, v: &Value) -> String {
        match self {
            DSource::None => String::new(),
            DSource::Expr(e) => {
                let mut x = *e;
                while let ExprKind::Paren(inner) = &x.kind {
                    x = inner;
                }
                if let ExprKind::OptionalChain(_) = &x.kind {
                    return "(intermediate value)".into();
                }
                crate::interp::call_printer::print(e)
            }
            DSource::Param => crate::interp::iter::not_iterable_type_text(v),
            DSource::ParamDefault => "(intermediate value)".repeat(3),
            DSource::Named(n) => (*n).to_string(),
        }
    }
}

/// The source context of one (sub)pattern: its own source, and for a pattern that is the
/// value of a property of a sourced object pattern, that parent's source and key (`None` for
/// a computed key).
#[derive(Clone, Copy)]
struct DCtx<'a> {
    own: DSource<'a>,
    parent: Option<(DSource<'a>, Option<&'a crate::string::JsStr>)>,
}

impl<'a> DCtx<'a> {
    fn top(own: DSource<'a>) -> Self {
        DCtx { own, parent: None }
    }
}

impl Interp {
    /// Binds a declaration pattern: `init` for let/const/params (initialization), false for
    /// `var` (assignment of an existing binding). `src` names the value in V8's messages.
    pub fn bind_pattern(
        &mut self,
        p: &Pattern,
        v: Value,
        env: &Env,
        init: bool,
        src: DSource,
    ) -> JsResult<()> {
        let mode = if init { Mode::Init } else { Mode::Put };
        match (p, src) {
            // V8 names the for-of temporary when the value is not iterable.
            (Pattern::Array { elems, rest, .. }, DSource::Named(".for")) => self.destructure_array(
                elems,
                rest.as_deref(),
                v,
                env,
                mode,
                IterSite::Named(".for"),
            ),
            _ => self.destructure(p, v, env, mode, DCtx::top(src)),
        }
    }

    /// `bind_pattern` for a declaration with an initializer: a value that is not iterable
    /// for an array pattern is reported with the initializer's text (`obj is not iterable`).
    pub fn bind_pattern_from(
        &mut self,
        p: &Pattern,
        v: Value,
        env: &Env,
        init: bool,
        from: &Expr,
    ) -> JsResult<()> {
        let mode = if init { Mode::Init } else { Mode::Put };
        let ctx = DCtx::top(DSource::Expr(from));
        match p {
            Pattern::Array { elems, rest, .. } => {
                // V8 names the initializer, except a member expression that gave null or
                // undefined (then its generic message).
                let site = match (&from.kind, v.is_nullish()) {
                    (ExprKind::Member { .. }, true) => IterSite::Builtin,
                    _ => IterSite::Syntax(from),
                };
                // V8 places the `[Symbol.iterator]()` call at the initializer's start.
                self.set_pos(from.span);
                self.destructure_array(elems, rest.as_deref(), v, env, mode, site)
            }
            _ => self.destructure(p, v, env, mode, ctx),
        }
    }

    /// Destructuring assignment (`[a, b] = [b, a]`, `({x} = o)`); `src` names the value.
    pub fn assign_pattern(
        &mut self,
        p: &Pattern,
        v: Value,
        env: &Env,
        src: DSource,
    ) -> JsResult<()> {
        if let (Pattern::Array { .. }, DSource::Expr(from)) = (p, src) {
            // V8 places the `[Symbol.iterator]()` call at the assignment's `=`.
            let start = self.source_find(p.span().end, from.span.start, "=");
            self.set_pos(Span {
                start,
                end: start + 1,
            });
        }
        self.destructure(p, v, env, Mode::Put, DCtx::top(src))
    }

    fn destructure(
        &mut self,
        p: &Pattern,
        v: Value,
        env: &Env,
        mode: Mode,
        ctx: DCtx,
    ) -> JsResult<()> {
        match p {
            Pattern::Ident(id) => self.bind_leaf(id, v, env, mode),
            Pattern::Expr(e) => {
                // A member-expression target evaluated on its own (not inside a pattern).
                let (base, key) = self.eval_lref(e, env, None)?;
                self.put_lref(&base, key, v, env)
            }
            Pattern::Object { props, rest, .. } => {
                self.destructure_object(props, rest.as_deref(), v, env, mode, ctx)
            }
            Pattern::Array { elems, rest, .. } => {
                // Under a property of a sourced object pattern, V8 reports the failed
                // Symbol.iterator load as a destructuring of that property.
                if let (true, Some((psrc, Some(_)))) = (v.is_nullish(), ctx.parent) {
                    let what = if v.is_undefined() {
                        "undefined"
                    } else {
                        "null"
                    };
                    let s = psrc.render(&v);
                    return Err(self.type_error(format!(
                        "Cannot destructure property 'Symbol(Symbol.iterator)' of '{s}' as it is {what}."
                    )));
                }
                self.destructure_array(elems, rest.as_deref(), v, env, mode, IterSite::Builtin)
            }
        }
    }

    fn bind_leaf(
        &mut self,
        id: &crate::ast::Ident,
        v: Value,
        env: &Env,
        mode: Mode,
    ) -> JsResult<()> {
        match mode {
            Mode::Init => self.init_binding(id, v, env),
            Mode::Put => {
                let strict = self.is_strict_env(env);
                self.set_binding(id, v, env, strict)
            }
        }
    }

    /// Evaluates a member-expression assignment target to (base, key). `base` is given when
    /// resuming after the object part was evaluated.
    fn eval_lref(
        &mut self,
        e: &Expr,
        env: &Env,
        base: Option<Value>,
    ) -> JsResult<(Value, PropKey)> {
        let mut e = e;
        while let ExprKind::Paren(inner) = &e.kind {
            e = inner;
        }
        match &e.kind {
            ExprKind::Member { object, prop, .. } => {
                let b = match base {
                    Some(b) => b,
                    None => self.eval_expr(object, env)?,
                };
                let k = self.eval_member_key(prop, env)?;
                Ok((b, k))
            }
            ExprKind::SuperMember { prop, this_ref, .. } => {
                let t = self.get_binding(this_ref, env)?;
                let k = self.eval_member_key(prop, env)?;
                Ok((t, k))
            }
            _ => Err(self.syntax_error("Invalid destructuring assignment target")),
        }
    }

    fn put_lref(&mut self, base: &Value, key: PropKey, v: Value, env: &Env) -> JsResult<()> {
        let strict = self.is_strict_env(env);
        self.put_member(base, key, v, strict)
    }

    /// IteratorDestructuringAssignmentEvaluation / IteratorBindingInitialization, resumable:
    /// element by element, (1) the target reference, (2) the next value, (3) the default,
    /// (4) the nested pattern or the assignment.
    fn destructure_array(
        &mut self,
        elems: &[Option<PatElem>],
        rest: Option<&Pattern>,
        v: Value,
        env: &Env,
        mode: Mode,
        site: IterSite,
    ) -> JsResult<()> {
        let resumed = match self.frames.last() {
            Some(Frame::PatArray(_)) => self.frames.pop(),
            _ => None,
        };
        let (mut rec, start, mut phase, mut value, mut lref) = match resumed {
            Some(Frame::PatArray(f)) => {
                let PatArrayFrame {
                    rec,
                    index,
                    phase,
                    value,
                    lref,
                } = *f;
                (rec, index, phase, value, lref)
            }
            _ => (
                self.get_iterator_at(&v, site)?,
                0,
                0,
                Value::Undefined,
                None,
            ),
        };
        let n = elems.len();
        let mut i = start;
        let result = loop {
            if i > n {
                break Ok(());
            }
            let (target, default): (Option<&Pattern>, Option<&Expr>) = if i < n {
                match &elems[i] {
                    Some(el) => (Some(&el.target), el.default.as_ref()),
                    None => (None, None),
                }
            } else {
                (rest, None)
            };
            let is_rest = i == n;
            if is_rest && rest.is_none() {
                break Ok(());
            }
            macro_rules! step {
                ($e:expr, $ph:expr) => {
                    match $e {
                        Ok(x) => x,
                        Err(s @ Abrupt::Suspend) => {
                            self.frames.push(Frame::PatArray(Box::new(PatArrayFrame {
                                rec,
                                index: i,
                                phase: $ph,
                                value: value.clone(),
                                lref: lref.clone(),
                            })));
                            return Err(s);
                        }
                        Err(e) => break Err(e),
                    }
                };
            }
            // (1) target reference for a member-expression target.
            if phase == 0 {
                if let Some(Pattern::Expr(te)) = target {
                    let r = self.eval_lref(te, env, None);
                    lref = Some(step!(r, 0));
                }
                phase = 1;
            }
            // (2) the next value. V8 places the `next()` call at the element (a name's or
            // nested pattern's first character, a rest element's `...`); an elision keeps
            // the position before it.
            if phase == 1 {
                if let Some(t) = target {
                    let start = t.span().start;
                    let start = if is_rest {
                        self.rest_position(start)
                    } else {
                        start
                    };
                    self.set_pos(crate::ast::Span {
                        start,
                        end: start + 1,
                    });
                }
                if is_rest {
                    let mut items = Vec::new();
                    while !rec.done {
                        match self.iterator_step_value(&mut rec) {
                            Ok(Some(x)) => items.push(x),
                            Ok(None) => break,
                            Err(e) => return Err(e),
                        }
                    }
                    value = Value::Object(self.new_array(items));
                } else {
                    value = if rec.done {
                        Value::Undefined
                    } else {
                        match self.iterator_step_value(&mut rec) {
                            Ok(x) => x.unwrap_or_default(),
                            Err(e) => return Err(e),
                        }
                    };
                }
                phase = 2;
            }
            // (3) the default.
            if phase == 2 {
                if let (true, Some(d), Some(t)) = (value.is_undefined(), default, target) {
                    let r = self.eval_named(d, env, t);
                    value = step!(r, 2);
                }
            }
            // (4) bind or assign.
            if let Some(t) = target {
                match t {
                    Pattern::Expr(_) => {
                        let (b, k) = match lref.take() {
                            Some(x) => x,
                            None => {
                                break Err(
                                    self.syntax_error("Invalid destructuring assignment target")
                                )
                            }
                        };
                        let r = self.put_lref(&b, k, value.clone(), env);
                        step!(r, 3);
                    }
                    _ => {
                        let own = match default {
                            Some(d) => DSource::Expr(d),
                            None => DSource::None,
                        };
                        let r = self.destructure(t, value.clone(), env, mode, DCtx::top(own));
                        step!(r, 3);
                    }
                }
            }
            i += 1;
            phase = 0;
            value = Value::Undefined;
            lref = None;
        };
        if rec.done {
            return result;
        }
        // V8's closing code follows the whole pattern's: its position is the last one the
        // pattern's code records, whichever elements ran (`[a, b = f()]`: at `f`).
        if let Some(pos) = array_pattern_end_position(elems, rest) {
            self.set_pos(pos);
        }
        self.iterator_close(&rec, result)
    }

    /// Where the `...` of a rest element whose target starts at `target_start` is (V8 places
    /// the rest's `next()` calls there): the last `...` before the target in the running
    /// code's source, as only whitespace or a comment may separate them.
    fn rest_position(&self, target_start: u32) -> u32 {
        self.running_source()
            .and_then(|src| src.text.get(..target_start as usize)?.rfind("..."))
            .map_or(target_start.saturating_sub(3), |i| i as u32)
    }

    /// The offset of the first `token` between `from` and `to` in the running code's source
    /// (the `=` of an assignment, which the AST keeps no span for); `to` if none.
    fn source_find(&self, from: u32, to: u32, token: &str) -> u32 {
        self.running_source()
            .and_then(|src| src.text.get(from as usize..to as usize)?.find(token))
            .map_or(to, |i| from + i as u32)
    }

    fn running_source(&self) -> Option<&crate::interp::SourceFile> {
        self.stack
            .last()
            .and_then(|e| self.sources.get(e.source as usize))
            .map(|s| &**s)
    }

    /// ObjectBindingPattern / ObjectAssignmentPattern evaluation, resumable per property:
    /// (0) the key, (1) the target reference, (2) the value and default, (3) bind or assign.
    fn destructure_object(
        &mut self,
        props: &[crate::ast::ObjectPatProp],
        rest: Option<&Pattern>,
        v: Value,
        env: &Env,
        mode: Mode,
        ctx: DCtx,
    ) -> JsResult<()> {
        let resumed = match self.frames.last() {
            Some(Frame::PatObject(_)) => self.frames.pop(),
            _ => None,
        };
        let (source, start, mut phase, mut value, mut key, mut lref, mut used) = match resumed {
            Some(Frame::PatObject(f)) => {
                let PatObjectFrame {
                    source,
                    index,
                    phase,
                    value,
                    key,
                    lref,
                    used,
                } = *f;
                (source, index, phase, value, key, lref, used)
            }
            _ => {
                if v.is_nullish() {
                    let msg = object_pattern_error(props, rest.is_some(), &v, ctx);
                    return Err(self.type_error(msg));
                }
                (v, 0, 0, Value::Undefined, None, None, Vec::new())
            }
        };
        for (i, prop) in props.iter().enumerate().skip(start) {
            macro_rules! step {
                ($e:expr, $ph:expr) => {
                    match $e {
                        Ok(x) => x,
                        Err(s @ Abrupt::Suspend) => {
                            self.frames.push(Frame::PatObject(Box::new(PatObjectFrame {
                                source,
                                index: i,
                                phase: $ph,
                                value,
                                key,
                                lref,
                                used,
                            })));
                            return Err(s);
                        }
                        Err(e) => return Err(e),
                    }
                };
            }
            // `const {x, y} = o`: a name bound from an own data property where the site
            // found it last time, without the key's conversion (an identifier that is an
            // array index is never a name in the property map, so it misses here) or the
            // nested `destructure` call. A default still applies to `undefined` below.
            if let (0, None, PropName::Static(name), Pattern::Ident(id)) =
                (phase, rest, &prop.key, &prop.target)
            {
                if let Some(v) = own_data_named_at_hint(&source, name, &prop.hint) {
                    if !(prop.default.is_some() && v.is_undefined()) {
                        self.bind_leaf(id, v, env, mode)?;
                        continue;
                    }
                }
            }
            if phase == 0 {
                let r = self.eval_prop_name(&prop.key, env);
                key = Some(step!(r, 0));
                phase = 1;
            }
            if phase == 1 {
                if let Pattern::Expr(te) = &prop.target {
                    let r = self.eval_lref(te, env, None);
                    lref = Some(step!(r, 1));
                }
                let Some(k) = key.clone() else {
                    return Err(self.bad_pattern_frame());
                };
                value = match own_data_at_hint(&source, &k, &prop.hint) {
                    Some(v) => v,
                    None => self.get_v(&source, &k)?,
                };
                if rest.is_some() {
                    used.push(k);
                }
                phase = 2;
            }
            if phase == 2 {
                if let (true, Some(d)) = (value.is_undefined(), &prop.default) {
                    let r = self.eval_named(d, env, &prop.target);
                    value = step!(r, 2);
                }
            }
            match &prop.target {
                Pattern::Expr(_) => {
                    let Some((b, k)) = lref.take() else {
                        return Err(self.bad_pattern_frame());
                    };
                    let r = self.put_lref(&b, k, value.clone(), env);
                    step!(r, 3);
                }
                t => {
                    let sub = match &prop.default {
                        Some(d) => DCtx::top(DSource::Expr(d)),
                        None if ctx.own.is_none() => DCtx::top(DSource::None),
                        None => DCtx {
                            own: DSource::None,
                            parent: Some((
                                ctx.own,
                                match &prop.key {
                                    PropName::Static(k) => Some(k),
                                    _ => None,
                                },
                            )),
                        },
                    };
                    let r = self.destructure(t, value.clone(), env, mode, sub);
                    step!(r, 3);
                }
            }
            phase = 0;
            value = Value::Undefined;
            key = None;
            lref = None;
        }
        if let Some(r) = rest {
            let (o_ref, rest_lref) = match r {
                Pattern::Expr(te) => (None, Some(self.eval_lref(te, env, None)?)),
                _ => (None::<()>, None),
            };
            let _ = o_ref;
            let o = self.new_object();
            self.copy_data_properties(&o, &source, &used)?;
            match rest_lref {
                Some((b, k)) => self.put_lref(&b, k, Value::Object(o), env)?,
                None => {
                    self.destructure(r, Value::Object(o), env, mode, DCtx::top(DSource::None))?
                }
            }
        }
        Ok(())
    }

    fn bad_pattern_frame(&mut self) -> Abrupt {
        self.frames.clear();
        self.type_error("internal error: bad destructuring resume state")
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

/// The last position V8 records in the code of an array pattern's elements: a rest
/// element's `...`, else the last element's nested array pattern's, else its default's (a
/// call's), else its own first character; `None` for elisions only.
fn array_pattern_end_position(elems: &[Option<PatElem>], rest: Option<&Pattern>) -> Option<Span> {
    let start = |s: u32| Span {
        start: s,
        end: s + 1,
    };
    if let Some(r) = rest {
        return Some(start(r.span().start.saturating_sub(3)));
    }
    let el = elems.iter().rev().flatten().next()?;
    let nested = match &el.target {
        Pattern::Array { elems, rest, .. } => array_pattern_end_position(elems, rest.as_deref()),
        _ => None,
    };
    Some(
        nested
            .or_else(|| {
                el.default
                    .as_ref()
                    .and_then(crate::interp::eval::recorded_position)
            })
            .unwrap_or_else(|| start(el.target.span().start)),
    )
}

/// V8's TypeError for an object pattern whose value is null or undefined. With a static
/// first key V8's property load fails (naming the source if the pattern has one); otherwise
/// (empty pattern, computed or rest first) its explicit check names the pattern's source, or
/// the property of a sourced parent pattern that holds it.
fn object_pattern_error(
    props: &[crate::ast::ObjectPatProp],
    has_rest: bool,
    v: &Value,
    ctx: DCtx,
) -> String {
    let what = if v.is_undefined() {
        "undefined"
    } else {
        "null"
    };
    let first_static = match props.first().map(|p| &p.key) {
        Some(PropName::Static(k)) => Some(k),
        _ => None,
    };
    if !ctx.own.is_none() {
        let s = ctx.own.render(v);
        return match first_static {
            Some(k) => format!("Cannot destructure property '{k}' of '{s}' as it is {what}."),
            None => format!("Cannot destructure '{s}' as it is {what}."),
        };
    }
    if let Some(k) = first_static {
        return format!("Cannot read properties of {what} (reading '{k}')");
    }
    let rest_first = props.is_empty() && has_rest;
    match ctx.parent {
        Some((psrc, key)) if !rest_first => {
            let s = psrc.render(v);
            match key {
                Some(k) => format!("Cannot destructure property '{k}' of '{s}' as it is {what}."),
                None => format!("Cannot destructure '{s}' as it is {what}."),
            }
        }
        _ => format!("Cannot read properties of {what}"),
    }
}

/// The source's own data property `key` where this pattern property found it last time
/// (a member site's position hint, see `Interp::eval_member`: an own data property in the
/// property map is [[Get]]'s answer for every kind of object). `None`: the full [[Get]]
/// answers; the hint then remembers where the name is now, or that it is not an own data
/// property (no more tries).
fn own_data_at_hint(source: &Value, key: &PropKey, hint: &std::cell::Cell<u32>) -> Option<Value> {
    let PropKey::Str(name) = key else {
        return None;
    };
    own_data_named_at_hint(source, name, hint)
}

/// [`own_data_at_hint`] for a name.
#[inline]
fn own_data_named_at_hint(
    source: &Value,
    name: &JsStr,
    hint: &std::cell::Cell<u32>,
) -> Option<Value> {
    let Value::Object(o) = source else {
        return None;
    };
    if hint.get() == u32::MAX {
        return None;
    }
    o.borrow().props.data_at_site_hint(name, hint).cloned()
}
