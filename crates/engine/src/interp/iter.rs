//! The iterator protocol: GetIterator, IteratorStep(Value), IteratorClose, IterableToList.

use crate::ast::{Expr, ExprKind};
use crate::gc::Tracer;
use crate::interp::eval::callee_text;
use crate::interp::generator::{GenStep, Resume};
use crate::interp::{Abrupt, Interp, JsResult};
use crate::object::{trace_value, Obj, ObjectKind, PropKey};
use crate::value::Value;

/// Where GetIterator was asked for: decides V8's wording of "is not iterable" errors.
#[derive(Clone, Copy)]
pub enum IterSite<'a> {
    /// A built-in (`Array.from`, `new Map`, `Promise.all`, `yield*`, assignment patterns).
    Builtin,
    /// `for-of`, `for await`, array spread and declaration destructuring: the operand's text.
    Syntax(&'a Expr),
    /// A spread argument of a call (`f(...x)`).
    CallSpread(&'a Expr),
    /// A V8 temporary printed by name (`.for is not iterable` for a for-of declaration).
    Named(&'static str),
}

/// `Object::TypeOf` plus the value for most primitives, as V8's
/// `kNotIterableNoSymbolLoad` message shows it (`number 5`, `object null`, `object`).
pub fn not_iterable_type_text(v: &Value) -> String {
    match v {
        Value::Undefined | Value::Empty => "undefined".into(),
        Value::Null => "object null".into(),
        Value::Bool(b) => format!("boolean {b}"),
        Value::Number(n) => format!("number {}", crate::value::number_to_string(*n)),
        Value::String(s) => format!("string \"{s}\""),
        Value::Symbol(_) => "symbol".into(),
        Value::BigInt(_) => "bigint".into(),
        Value::Object(o) if o.is_callable() => "function".into(),
        Value::Object(_) => "object".into(),
    }
}

/// An Iterator Record: the iterator object, its `next` method, and whether it is done.
#[derive(Debug, Clone)]
pub struct IteratorRecord {
    pub iterator: Obj,
    pub next: Value,
    pub done: bool,
}

impl IteratorRecord {
    pub fn trace(&self, t: &mut Tracer) {
        t.edge(&self.iterator.0);
        trace_value(&self.next, t);
    }
}

/// `%GeneratorPrototype%.next` and `%ArrayIteratorPrototype%.next`, as created by the realm.
/// While an iterator record's `next` is one of these, [`Interp::iterator_step_value`] steps
/// the generator or array iterator directly: the `{ value, done }` object it would create is
/// read only by IteratorStepValue itself, so skipping it is not observable. The call still
/// has its stack entry (V8 shows `at Generator.next (<anonymous>)` in a stack trace).
#[derive(Default)]
pub struct OriginalNext {
    pub generator: Option<Obj>,
    pub array: Option<Obj>,
    /// `%MapIteratorPrototype%.next` and `%SetIteratorPrototype%.next`: stepped without
    /// their result objects and without a stack entry (they run no script code, so no
    /// stack trace can show one).
    pub map: Option<Obj>,
    pub set: Option<Obj>,
    /// `%StringIteratorPrototype%.next`: the same, for `for (const ch of str)`.
    pub string: Option<Obj>,
}

impl Interp {
    /// GetIterator(obj, sync).
    pub fn get_iterator(&mut self, v: &Value) -> JsResult<IteratorRecord> {
        self.get_iterator_at(v, IterSite::Builtin)
    }

    /// GetIterator(v, sync), with V8's message for a value that is not iterable, which
    /// depends on where the iteration was asked for (`site`).
    pub fn get_iterator_at(&mut self, v: &Value, site: IterSite) -> JsResult<IteratorRecord> {
        if let Value::Object(o) = v {
            if self.plain_array_iteration(o) {
                // What the steps below would do, with nothing observable in between: the
                // built-in `values` makes the iterator, whose `next` is the original.
                let iterator = crate::builtins::iterator::create_array_iterator(
                    self,
                    v.clone(),
                    crate::object_kind::IterKind::Values,
                );
                if let Some(next) = self.original_next.array.clone() {
                    return Ok(IteratorRecord {
                        iterator,
                        next: Value::Object(next),
                        done: false,
                    });
                }
            }
        }
        let key = PropKey::Sym(self.symbols.iterator.clone());
        let method = if v.is_nullish() {
            Value::Undefined
        } else {
            self.get_v(v, &key)?
        };
        if !self.is_callable(&method) {
            return Err(self.not_iterable_error(v, site, false));
        }
        self.get_iterator_from_method(v, &method)
    }

    /// V8's TypeError for a value that has no usable `[Symbol.iterator]` (or
    /// `[Symbol.asyncIterator]`): at syntax sites the source text of the operand
    /// (`obj is not iterable`, `f is not a function or its return value is not iterable`),
    /// for call spreads and built-ins V8's generic forms.
    pub fn not_iterable_error(&mut self, v: &Value, site: IterSite, is_async: bool) -> Abrupt {
        let what = if is_async {
            "async iterable"
        } else {
            "iterable"
        };
        let msg = match site {
            IterSite::Syntax(e) => match &e.kind {
                ExprKind::Call { callee, .. } => format!(
                    "{} is not a function or its return value is not {what}",
                    callee_text(callee)
                ),
                _ => format!("{} is not {what}", callee_text(e)),
            },
            IterSite::Named(n) => format!("{n} is not {what}"),
            IterSite::CallSpread(e) => match v {
                Value::Undefined | Value::Null => format!(
                    "{} is not iterable (cannot read property {})",
                    callee_text(e),
                    if v.is_undefined() {
                        "undefined"
                    } else {
                        "null"
                    }
                ),
                _ => "Spread syntax requires ...iterable[Symbol.iterator] to be a function".into(),
            },
            IterSite::Builtin => format!(
                "{} is not {what} (cannot read property Symbol(Symbol.iterator))",
                not_iterable_type_text(v)
            ),
        };
        self.type_error(msg)
    }

    pub fn get_iterator_from_method(
        &mut self,
        v: &Value,
        method: &Value,
    ) -> JsResult<IteratorRecord> {
        let it = self.call(method, v, &[])?;
        let Value::Object(iterator) = it else {
            return Err(self.type_error("Result of the Symbol.iterator method is not an object"));
        };
        let next = self.get(&iterator, &static_key!("next"))?;
        Ok(IteratorRecord {
            iterator,
            next,
            done: false,
        })
    }

    /// IteratorStep: IteratorNext + IteratorComplete, `Ok(None)` when done, else the result
    /// object (its `value` not read).
    pub fn iterator_step(&mut self, rec: &mut IteratorRecord) -> JsResult<Option<Obj>> {
        if !self.is_callable(&rec.next) {
            // V8: "number 5 is not a function".
            rec.done = true;
            let t = not_iterable_type_text(&rec.next);
            return Err(self.type_error(format!("{t} is not a function")));
        }
        let r = match self.call(&rec.next.clone(), &Value::Object(rec.iterator.clone()), &[]) {
            Ok(r) => r,
            Err(e) => {
                rec.done = true;
                return Err(e);
            }
        };
        self.iterator_complete(rec, r)
    }

    /// IteratorComplete on a `next()` result `r`: `Ok(None)` (and the record done) when it
    /// says done, else the result object; a non-object or a throwing `done` getter also
    /// marks the record done.
    fn iterator_complete(&mut self, rec: &mut IteratorRecord, r: Value) -> JsResult<Option<Obj>> {
        let Value::Object(ro) = r else {
            rec.done = true;
            let s = crate::builtins::object::no_side_effects_to_string(self, &r);
            return Err(self.type_error(format!("Iterator result {s} is not an object")));
        };
        let done = match self.get(&ro, &static_key!("done")) {
            Ok(d) => d.to_boolean(),
            Err(e) => {
                rec.done = true;
                return Err(e);
            }
        };
        if done {
            rec.done = true;
            return Ok(None);
        }
        Ok(Some(ro))
    }

    /// IteratorStepValue: IteratorStep + IteratorValue, `Ok(None)` when done.
    pub fn iterator_step_value(&mut self, rec: &mut IteratorRecord) -> JsResult<Option<Value>> {
        if let Some(r) = self.original_step_value(rec) {
            return r;
        }
        let Some(ro) = self.iterator_step(rec)? else {
            return Ok(None);
        };
        match self.get(&ro, &static_key!("value")) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                rec.done = true;
                Err(e)
            }
        }
    }

    /// IteratorStepValue for a record whose `next` is an original built-in `next` (see
    /// [`OriginalNext`]) called on the iterator kind it is made for; `None` otherwise.
    fn original_step_value(&mut self, rec: &mut IteratorRecord) -> Option<JsResult<Option<Value>>> {
        let Value::Object(next) = &rec.next else {
            return None;
        };
        let is = |o: &Option<Obj>| o.as_ref().is_some_and(|o| Obj::ptr_eq(o, next));
        let generator = is(&self.original_next.generator);
        if !generator && !is(&self.original_next.array) {
            if is(&self.original_next.string) {
                if !matches!(
                    rec.iterator.borrow().kind,
                    ObjectKind::StringIterator { .. }
                ) {
                    return None;
                }
                let next = next.clone();
                let r = self.check_side_effect_free(&next).map(|()| {
                    crate::builtins::iterator::string_iterator_step(&rec.iterator).flatten()
                });
                if !matches!(r, Ok(Some(_))) {
                    rec.done = true;
                }
                return Some(r);
            }
            let is_map = is(&self.original_next.map);
            if !is_map && !is(&self.original_next.set) {
                return None;
            }
            let kind_ok = match &rec.iterator.borrow().kind {
                ObjectKind::MapIterator { .. } => is_map,
                ObjectKind::SetIterator { .. } => !is_map,
                _ => false,
            };
            if !kind_ok {
                return None;
            }
            let next = next.clone();
            let this = Value::Object(rec.iterator.clone());
            let r = self
                .check_side_effect_free(&next)
                .and_then(|()| crate::builtins::map::collection_iterator_step(self, &this, is_map));
            if !matches!(r, Ok(Some(_))) {
                rec.done = true;
            }
            return Some(r);
        }
        let kind_ok = match &rec.iterator.borrow().kind {
            ObjectKind::Generator(_) => generator,
            ObjectKind::ArrayIterator { .. } => !generator,
            _ => false,
        };
        if !kind_ok {
            return None;
        }
        let next = next.clone();
        Some(self.step_original(rec, &next, generator))
    }

    fn step_original(
        &mut self,
        rec: &mut IteratorRecord,
        next: &Obj,
        generator: bool,
    ) -> JsResult<Option<Value>> {
        // What `call_obj` does for a native function, minus its arguments and result. A
        // generator's `next` pushes no stack entry: the body's entry stands for it
        // (`StackEntry::next_below`), and a step that runs no body needs none.
        let r = self.check_side_effect_free(next).and_then(|()| {
            let this = Value::Object(rec.iterator.clone());
            if generator {
                return self.generator_step(
                    &this,
                    Resume::Next(Value::Undefined),
                    "[Generator].prototype.next",
                    Some(next),
                );
            }
            if let Some(step) = crate::builtins::iterator::array_iterator_step_plain(&rec.iterator)
            {
                return Ok(match step {
                    Some(v) => GenStep::Result(v, false),
                    None => GenStep::Result(Value::Undefined, true),
                });
            }
            let name = crate::interp::native_frame_name(next);
            self.enter_frame(name, 0, crate::interp::FrameKind::Native)?;
            // `at Array Iterator.next (<anonymous>)`: named after the receiver, as a call
            // would be.
            self.note_method_call(&this, next);
            let r = crate::builtins::iterator::array_iterator_step(self, &this).map(|v| match v {
                Some(v) => GenStep::Result(v, false),
                None => GenStep::Result(Value::Undefined, true),
            });
            self.leave();
            r
        });
        match r {
            Ok(GenStep::Result(_, true)) => {
                rec.done = true;
                Ok(None)
            }
            Ok(GenStep::Result(v, false)) => Ok(Some(v)),
            Ok(GenStep::Raw(ro)) => {
                // `yield*` passed an inner result object through: read it as any other.
                let Some(ro) = self.iterator_complete(rec, ro)? else {
                    return Ok(None);
                };
                self.get(&ro, &static_key!("value"))
                    .inspect_err(|_| {
                        rec.done = true;
                    })
                    .map(Some)
            }
            Err(e) => {
                rec.done = true;
                Err(e)
            }
        }
    }

    /// IteratorClose(iteratorRecord, completion): calls `return` and returns the completion
    /// (a throw completion wins over errors from `return`).
    pub fn iterator_close<T>(
        &mut self,
        rec: &IteratorRecord,
        completion: JsResult<T>,
    ) -> JsResult<T> {
        if self.array_iterator_has_no_return(&rec.iterator) {
            // GetMethod(iterator, "return") is undefined: nothing to call.
            return completion;
        }
        let iter = Value::Object(rec.iterator.clone());
        let ret = match self.get_v(&iter, &static_key!("return")) {
            Ok(r) => r,
            Err(e) => {
                return match completion {
                    Err(Abrupt::Throw(t)) => Err(Abrupt::Throw(t)),
                    _ => Err(e),
                }
            }
        };
        if ret.is_nullish() {
            return completion;
        }
        let inner = self.call(&ret, &iter, &[]);
        if let Err(Abrupt::Throw(t)) = completion {
            return Err(Abrupt::Throw(t));
        }
        let inner = inner?;
        if !inner.is_object() {
            // Step 7: also for return/break completions (only a throw completion wins).
            return Err(self.type_error(format!(
                "Iterator result {} is not an object",
                crate::builtins::object::no_side_effects_to_string(self, &inner)
            )));
        }
        completion
    }

    /// IterableToList.
    pub fn iterable_to_list(&mut self, v: &Value) -> JsResult<Vec<Value>> {
        self.iterable_to_list_at(v, IterSite::Builtin)
    }

    /// IterableToList, naming `site` when `v` is not iterable.
    pub fn iterable_to_list_at(&mut self, v: &Value, site: IterSite) -> JsResult<Vec<Value>> {
        // Fast path: a plain array with the built-in iterator. The iterator reads indices
        // `0..length`, and `length` may exceed the dense part (`new Array(3)`): holes and the
        // indices past `elements` read as `undefined` when no prototype has indexed
        // properties.
        if let Value::Object(o) = v {
            if self.has_default_array_iteration(o) {
                if let Some(list) = dense_array_values(o) {
                    return Ok(list);
                }
            }
        }
        let mut rec = self.get_iterator_at(v, site)?;
        let mut out = Vec::new();
        while let Some(x) = self.iterator_step_value(&mut rec)? {
            out.push(x);
        }
        Ok(out)
    }

    /// True when iterating `o` is guaranteed to behave like the built-in array iterator
    /// (an Array whose `Symbol.iterator` and `%ArrayIteratorPrototype%.next` are untouched).
    pub fn has_default_array_iteration(&mut self, o: &Obj) -> bool {
        if !o.is_array() {
            return false;
        }
        let key = PropKey::Sym(self.symbols.iterator.clone());
        let Ok(m) = self.get(o, &key) else {
            return false;
        };
        let values = &self.intrinsics.array_proto_values;
        let is_default = matches!(&m, Value::Object(f) if Obj::ptr_eq(f, values));
        if !is_default {
            return false;
        }
        let aip = self.intrinsics.array_iterator_prototype.clone();
        let next = aip.get_own_data(&static_key!("next"));
        matches!(next, Some(Value::Object(n)) if matches!(n.borrow().kind, crate::object::ObjectKind::Native(ref nf) if nf.name.units() == NEXT))
    }
}

/// What made [`Interp::plain_array_iteration`] true the last time it looked at the
/// prototypes: where `%Array.prototype%[@@iterator]` and `%ArrayIteratorPrototype%.next`
/// were, and the shapes of the prototypes along an array iterator's chain, none of which
/// had a `return` (a shape changes whenever a property is added or removed, so a `return`
/// added later shows as a mismatch).
pub(crate) struct ArrayIterationGuard {
    array_proto: crate::prop_map::ShapeWitness,
    iterator_at: usize,
    array_iterator_proto: crate::prop_map::ShapeWitness,
    next_at: usize,
    iterator_proto: crate::prop_map::ShapeWitness,
    object_proto: crate::prop_map::ShapeWitness,
}

impl Interp {
    /// Is GetIterator(o) on the array `o` the built-in array iterator, reached with no
    /// observable step — `o` an Array with no own named properties and `%Array.prototype%`
    /// as its prototype, `%Array.prototype%[@@iterator]` the original `values` (a data
    /// property), `%ArrayIteratorPrototype%.next` the original, and no `return` along the
    /// iterator's chain (so IteratorClose calls nothing)? Checked against
    /// [`ArrayIterationGuard`] in a few comparisons; the prototypes are searched again only
    /// when one of their shapes changed.
    pub(crate) fn plain_array_iteration(&mut self, o: &Obj) -> bool {
        {
            let d = o.borrow();
            if !matches!(d.kind, crate::object::ObjectKind::Array { .. })
                || !d.props.is_empty()
                || !d
                    .proto
                    .as_ref()
                    .is_some_and(|p| Obj::ptr_eq(p, &self.intrinsics.array_prototype))
            {
                return false;
            }
        }
        if self.array_iteration_guard_holds(true) {
            return true;
        }
        self.array_iteration_guard = self.make_array_iteration_guard();
        self.array_iteration_guard_holds(true)
    }

    /// IteratorClose's GetMethod(iterator, "return") is undefined for this built-in array
    /// iterator: no own properties, `%ArrayIteratorPrototype%` as its prototype, and the
    /// guard's chain without `return` unchanged.
    fn array_iterator_has_no_return(&mut self, iterator: &Obj) -> bool {
        {
            let d = iterator.borrow();
            if !matches!(d.kind, crate::object::ObjectKind::ArrayIterator { .. })
                || !d.props.is_empty()
                || !d
                    .proto
                    .as_ref()
                    .is_some_and(|p| Obj::ptr_eq(p, &self.intrinsics.array_iterator_prototype))
            {
                return false;
            }
        }
        if self.array_iteration_guard_holds(false) {
            return true;
        }
        self.array_iteration_guard = self.make_array_iteration_guard();
        self.array_iteration_guard_holds(false)
    }

    /// Does the guard still describe the prototypes (`with_iterator`: also
    /// `%Array.prototype%[@@iterator]`)?
    fn array_iteration_guard_holds(&self, with_iterator: bool) -> bool {
        let Some(g) = &self.array_iteration_guard else {
            return false;
        };
        let i = &self.intrinsics;
        let is = |v: Option<&Value>, f: Option<&Obj>| match (v, f) {
            (Some(Value::Object(a)), Some(b)) => Obj::ptr_eq(a, b),
            _ => false,
        };
        if with_iterator {
            let ap = i.array_prototype.borrow();
            if !g.array_proto.matches(&ap.props)
                || !is(ap.props.data_at(g.iterator_at), Some(&i.array_proto_values))
            {
                return false;
            }
        }
        let aip = i.array_iterator_prototype.borrow();
        if !g.array_iterator_proto.matches(&aip.props)
            || !is(
                aip.props.data_at(g.next_at),
                self.original_next.array.as_ref(),
            )
            || !aip
                .proto
                .as_ref()
                .is_some_and(|p| Obj::ptr_eq(p, &i.iterator_prototype))
        {
            return false;
        }
        let ip = i.iterator_prototype.borrow();
        if !g.iterator_proto.matches(&ip.props)
            || !ip
                .proto
                .as_ref()
                .is_some_and(|p| Obj::ptr_eq(p, &i.object_prototype))
        {
            return false;
        }
        let op = i.object_prototype.borrow();
        g.object_proto.matches(&op.props) && op.proto.is_none()
    }

    /// A guard for the prototypes as they are now, if they are as
    /// [`Interp::plain_array_iteration`] needs them (else `None`).
    fn make_array_iteration_guard(&self) -> Option<ArrayIterationGuard> {
        let i = &self.intrinsics;
        let iterator_key = PropKey::Sym(self.symbols.iterator.clone());
        let next_key = static_key!("next");
        let return_key = static_key!("return");
        let (array_proto, iterator_at) = {
            let d = i.array_prototype.borrow();
            (d.props.witness(), d.props.find(&iterator_key)?)
        };
        let (array_iterator_proto, next_at) = {
            let d = i.array_iterator_prototype.borrow();
            if d.props.find(&return_key).is_some() {
                return None;
            }
            (d.props.witness(), d.props.find(&next_key)?)
        };
        let iterator_proto = {
            let d = i.iterator_prototype.borrow();
            if d.props.find(&return_key).is_some() {
                return None;
            }
            d.props.witness()
        };
        let object_proto = {
            let d = i.object_prototype.borrow();
            if d.props.find(&return_key).is_some() {
                return None;
            }
            d.props.witness()
        };
        Some(ArrayIterationGuard {
            array_proto,
            iterator_at,
            array_iterator_proto,
            next_at,
            iterator_proto,
            object_proto,
        })
    }
}

/// The values the built-in array iterator yields for array `o` when they can be read
/// without running script code: all indexed properties of `o` are in its `elements`, and
/// holes (including those between the dense part and `length`) read as `undefined` because
/// no prototype has indexed properties. `None` when the generic path is needed.
fn dense_array_values(o: &Obj) -> Option<Vec<Value>> {
    let d = o.borrow();
    let crate::object::ObjectKind::Array { length, .. } = d.kind else {
        return None;
    };
    if d.props.has_index_keys() {
        return None;
    }
    let len = length as usize;
    let has_holes = d.elements.len() < len || d.elements.iter().any(|x| matches!(x, Value::Empty));
    if !has_holes {
        return Some(d.elements[..len.min(d.elements.len())].to_vec());
    }
    drop(d);
    if crate::builtins::array::protos_have_indices(o) {
        return None;
    }
    let d = o.borrow();
    let mut out = Vec::with_capacity(len);
    out.extend(d.elements.iter().take(len).map(|x| match x {
        Value::Empty => Value::Undefined,
        x => x.clone(),
    }));
    out.resize(len, Value::Undefined);
    Some(out)
}

const NEXT: &[u16] = &[110, 101, 120, 116];

#[cfg(test)]
mod tests {
    use crate::interp::test_support::eval_to_string as run;

    // Expected values printed by Node 24 for the same expressions.
    #[test]
    fn spread_of_an_array_reads_up_to_its_length() {
        assert_eq!(run("[...new Array(3)].length"), "3");
        assert_eq!(
            run("(function () { return arguments.length })(...new Array(5))"),
            "5"
        );
        assert_eq!(
            run("JSON.stringify([...Array(4)].map((_, i) => i))"),
            "[0,1,2,3]"
        );
        assert_eq!(
            run("JSON.stringify([...Object.assign([1, , 3], {length: 5})])"),
            "[1,null,3,null,null]"
        );
        assert_eq!(run("Math.max(...new Array(2))"), "NaN");
        assert_eq!(run("Array.of(...new Array(2)).length"), "2");
        // A hole reads through the prototype chain.
        assert_eq!(
            run("(() => { Array.prototype[1] = 'p'; try { return JSON.stringify([...new Array(3)]) } \
                 finally { delete Array.prototype[1] } })()"),
            "[null,\"p\",null]"
        );
    }
}
