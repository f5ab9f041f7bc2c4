//! Object literals made with their shape at once (session 19, helper libs19).
//!
//! `{ type: t, start, end: e }` — static names only, each once, none `__proto__` or an
//! array index, at most [`PropMap::INDEX_THRESHOLD`] of them, no methods, accessors, spreads
//! or computed keys — always gives an ordinary object with those names as default data
//! properties in that order: the same shared shape each time. Such a literal's
//! [`Layout`] is remembered by the address of its property list; the values are evaluated
//! in order and the object is made with all its slots. Property by property each name cost
//! a search of the keys so far, a transition (the root's list, which holds every first key
//! of the program, searched linearly when the last two taken were others) and a push:
//! ~350 instructions a property (js-yaml 5 makes its parser events and snapshots this way).
//!
//! Observably the same as PropertyDefinitionEvaluation property by property: the object is
//! not reachable from the values' expressions (no `this`, no home object: a method is not
//! such a literal), so making it after them changes nothing; anonymous functions are still
//! named after their key. A remembered layout is used only after its keys are compared with
//! the literal's names (an address can be reused by another literal once code made by
//! `eval` is freed), so a stale entry is only a miss.

use crate::ast::{PropDef, PropName};
use crate::interp::scope::Env;
use crate::interp::{Interp, JsResult};
use crate::object::{Attrs, Layout, Obj, ObjectData, ObjectKind, PropKey, PropMap, Slot};
use crate::string::JsStr;
use crate::value::Value;

/// How many literals' layouts an interpreter keeps (code made by `eval` in a loop makes new
/// literals; the table is emptied when it is full).
const MAX_LITERAL_LAYOUTS: usize = 1 << 16;

/// The name a literal's property defines, if the property can be made with a layout.
fn plain_name(p: &PropDef) -> Option<&JsStr> {
    let name = match p {
        PropDef::KeyValue(PropName::Static(s), _) => {
            // `__proto__: v` sets the prototype (not for a shorthand or a computed key).
            if s.units() == PROTO_NAME {
                return None;
            }
            s
        }
        PropDef::Shorthand(id) => &id.name,
        _ => return None,
    };
    // An array index is an element, not a property of the shape.
    if name.as_array_index().is_some() {
        return None;
    }
    Some(name)
}

const PROTO_NAME: &[u16] = &[95, 95, 112, 114, 111, 116, 111, 95, 95];

/// The layout of the objects `props` makes, or `None` if they are not all plain names, each
/// once, at most `INDEX_THRESHOLD` of them.
fn layout_of(props: &[PropDef]) -> Option<Layout> {
    if props.is_empty() || props.len() > PropMap::INDEX_THRESHOLD {
        return None;
    }
    let mut keys: Vec<(PropKey, Attrs)> = Vec::with_capacity(props.len());
    for p in props {
        let name = plain_name(p)?;
        if keys
            .iter()
            .any(|(k, _)| matches!(k, PropKey::Str(s) if s.same_units(name)))
        {
            return None;
        }
        keys.push((PropKey::Str(name.clone()), Attrs::DEFAULT));
    }
    Some(Layout::new(&keys))
}

/// Does `layout` hold exactly the names of `props`, in order? (A layout is made only of
/// names that pass [`plain_name`], so the same names pass it; only `__proto__: v`, which
/// shares its name with the shorthand `{ __proto__ }`, is told apart here.)
#[inline]
fn layout_fits(layout: &Layout, props: &[PropDef]) -> bool {
    layout.len() == props.len()
        && props.iter().enumerate().all(|(i, p)| match p {
            PropDef::KeyValue(PropName::Static(s), _) => {
                layout.key_is(i, s) && !(s.len() == PROTO_NAME.len() && s.units() == PROTO_NAME)
            }
            PropDef::Shorthand(id) => layout.key_is(i, &id.name),
            _ => false,
        })
}

impl Interp {
    /// The layout an object literal can be made with (see the module docs), remembered by
    /// the address of its property list.
    pub(crate) fn literal_layout(&mut self, props: &[PropDef]) -> Option<Layout> {
        if props.is_empty() {
            return None;
        }
        let addr = props.as_ptr() as usize;
        if let Some(entry) = self.literal_layouts.get(&addr) {
            match entry {
                Some(l) if layout_fits(l, props) => return Some(l.clone()),
                // Not such a literal: the full evaluation (an entry of a literal freed
                // since, at this address, only costs this one the fast path).
                None => return None,
                Some(_) => {}
            }
        }
        let layout = layout_of(props);
        if self.literal_layouts.len() >= MAX_LITERAL_LAYOUTS {
            self.literal_layouts.clear();
        }
        self.literal_layouts.insert(addr, layout.clone());
        layout
    }

    /// Evaluates the literal `props` whose layout is `layout`: each value in order (with
    /// NamedEvaluation for an anonymous function), then the object with all its slots.
    pub(crate) fn eval_object_literal_with_layout(
        &mut self,
        props: &[PropDef],
        layout: &Layout,
        env: &Env,
    ) -> JsResult<Value> {
        let mut slots = Vec::with_capacity(props.len());
        for p in props {
            let v = match p {
                PropDef::KeyValue(PropName::Static(name), v) => {
                    match self.try_named_evaluation(v, env, name)? {
                        Some(v) => v,
                        None => self.eval_expr(v, env)?,
                    }
                }
                PropDef::Shorthand(id) => self.get_binding(id, env)?,
                // `literal_layout` admits only the two kinds above.
                _ => Value::Undefined,
            };
            slots.push(Slot::Data(v));
        }
        let mut data = ObjectData::new(
            Some(self.intrinsics.object_prototype.clone()),
            ObjectKind::Ordinary,
        );
        data.props = PropMap::with_layout(layout, slots);
        Ok(Value::Object(Obj::from_data(data)))
    }
}

#[cfg(test)]
mod tests {
    use crate::interp::test_support::eval_to_string as run;

    #[test]
    fn literals_with_a_layout_are_ordinary_objects() {
        assert_eq!(
            run("(() => { const o = {a: 1, b: 'x', c: null}; return JSON.stringify(o) + Object.keys(o) })()"),
            "{\"a\":1,\"b\":\"x\",\"c\":null}a,b,c"
        );
        // Anonymous functions are named after their key; shorthands read the binding.
        assert_eq!(
            run("(() => { const x = 5, o = {f: function () {}, g: () => 1, x}; return o.f.name + o.g.name + o.x })()"),
            "fg5"
        );
        // Excluded: duplicates, __proto__, indices keep their meaning.
        assert_eq!(
            run("(() => { const o = {a: 1, b: 2, a: 3}; return Object.keys(o) + ':' + o.a })()"),
            "a,b:3"
        );
        assert_eq!(
            run("(() => { const p = {z: 9}, o = {__proto__: p, y: 1}; return o.z + ':' + Object.keys(o) })()"),
            "9:y"
        );
        assert_eq!(
            run("(() => { const __proto__ = 1, o = {__proto__}; return Object.getPrototypeOf(o) === Object.prototype && o.__proto__ === 1 })()"),
            "true"
        );
        assert_eq!(run("Object.keys({1: 'a', b: 2, 0: 'c'}).join()"), "0,1,b");
        // The same literal evaluated again shares the shape and stays independent.
        assert_eq!(
            run("(() => { const r = []; for (let i = 0; i < 3; i++) r.push({i, sq: i * i}); r[2].sq = 'x'; return JSON.stringify(r) })()"),
            "[{\"i\":0,\"sq\":0},{\"i\":1,\"sq\":1},{\"i\":2,\"sq\":\"x\"}]"
        );
        // A value that throws leaves no object; evaluation order is the source order.
        assert_eq!(
            run("(() => { const log = []; try { ({a: log.push('a'), b: (() => { throw 1 })(), c: log.push('c')}) } catch (e) { log.push('caught ' + e) } return log.join() })()"),
            "a,caught 1"
        );
    }
}
