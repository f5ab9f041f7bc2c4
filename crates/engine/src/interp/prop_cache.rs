//! Inline caches of property sites keyed by shape (issue #17, session 17).
//!
//! A member site `a.name` (`ExprKind::Member` with an identifier) that reads a name its
//! receiver inherits (`v.add(...)`, `arr.push`), or that adds the name to its receiver by
//! assignment (`this.x = x` in a constructor), gets an entry in [`PropSites`] (the node's
//! `site` is its index). The entry remembers the receiver's shape and the prototype chain
//! the last lookup walked: each object on it (by identity) and its shape. A later
//! execution whose receiver has that shape and whose chain is made of the same objects
//! with the same shapes has the same [[Get]] answer — the data property at the remembered
//! position of the holder, read from the holder now — or the same [[Set]] outcome: no
//! setter and no read-only property of that name anywhere on the chain, so the property is
//! added to the receiver, whose shape becomes the one remembered.
//!
//! Why this is exact (no epoch is needed):
//! - A shape identifies the keys and attributes (see [`ShapeWitness`]: the witness holds
//!   the shape's allocation, and an own shape is moved before it is edited while a witness
//!   exists). So an object with the remembered shape has the same own keys; the name is not
//!   one of them (on the way to the holder) or is at the same position (the holder).
//! - What the shape does not say is checked on every hit: the receiver's and each object's
//!   [[Prototype]] (by identity: the cache holds each object weakly, so its address is not
//!   reused), the holder's slot still a data property (an accessor can replace a data
//!   property with the same attribute bits; a lazy slot is not a value yet), each object's
//!   kind (a Proxy, a typed array with a numeric-looking name, the `length` of an array or
//!   String object answer without their property map), and, for an add, that the receiver
//!   is an ordinary object still extensible.
//! - Only the receiver's shape must be a shared one: an object with an own (dictionary)
//!   shape keeps its shape through its edits only if no witness exists, and receivers are
//!   the many objects a site sees (an own-shaped receiver would make each of its edits
//!   move its shape); prototypes are few and rarely edited once made.
//!
//! A site sees one receiver shape at a time (monomorphic); a site whose entry was refilled
//! [`MAX_FILLS`] times stops trying. Entries are never freed: [`MAX_SITES`] bounds the
//! table (code made by `eval` in a loop makes new sites each time).

use std::cell::{Cell, RefCell};

use crate::gc::WeakGc;
use crate::object::{Obj, ObjectData, PropKey};
use crate::object_kind::ObjectKind;
use crate::prop_map::{AddedShape, ShapeWitness};
use crate::string::JsStr;
use crate::value::Value;

/// The longest prototype chain a site remembers (a read: receiver's prototype to holder;
/// an add: the whole chain). Class hierarchies of parsers are deep: `@babel/parser`'s
/// `Parser` inherits its methods through nine class prototypes, then `Object.prototype`
/// (a walk with a hash search per prototype each time, ~2 300 instructions, when the chain
/// was longer than remembered); a hit checks one object per hop.
const MAX_HOPS: usize = 12;
/// Refills after which a site stops trying (it sees many shapes).
const MAX_FILLS: u16 = 64;
/// The most entries the table holds.
const MAX_SITES: usize = 1 << 18;

/// An object of a remembered prototype chain, by identity, and its shape.
struct Hop {
    obj: WeakGc<RefCell<ObjectData>>,
    shape: ShapeWitness,
}

impl Hop {
    /// Is `o` (its data `d`) this object, with this shape, of a kind whose answer for the
    /// name is its property map's?
    #[inline(always)]
    fn is(&self, o: &Obj, d: &ObjectData, class: NameClass) -> bool {
        o.0.addr() == self.obj.addr() && self.shape.matches(&d.props) && class.ordinary_for(&d.kind)
    }
}

enum Cached {
    /// Nothing yet, or nothing valid.
    Nothing,
    /// A data property found on the last hop, at this position of its map.
    Read { pos: u32 },
    /// An accessor property with a getter found on the last hop, at this position of its
    /// map (`get size()` of a class, %TypedArray%.prototype.length): the getter is called.
    Get { pos: u32 },
    /// The name added to the receiver as a default data property, the receiver's shape
    /// becoming this one; the hops are the whole chain.
    Add { to: AddedShape },
    /// The name nowhere on the chain, whose end the hops reach: [[Get]] is undefined
    /// (`o.x ?? d`, `if (opts.flag)`, feature tests), found by a walk to the end each time
    /// before.
    Absent,
}

/// One site's inline cache.
pub(crate) struct PropSite {
    /// The site's name (the site's own string: compared by pointer).
    name: JsStr,
    /// How a chain object's kind may answer for `name` without its property map.
    name_class: NameClass,
    receiver: ShapeWitness,
    /// The receiver is checked by a search instead of by its shape: a read entry filled
    /// for a receiver with an own (dictionary) shape, which an object with more than
    /// `PropMap::INDEX_THRESHOLD` properties has (a parser or compiler object that keeps
    /// its state in 40 fields and its methods on a prototype). Any receiver without the
    /// name among its own properties then reads through the remembered chain.
    receiver_absent: bool,
    /// With `receiver_absent`: the own stamp (`PropMap::own_stamp`) of the last receiver
    /// found without the name, 0 for none. A receiver whose shape has that stamp has the
    /// same keys, so the search is not repeated (acorn's `Parser`: each `this.next()`
    /// searched the receiver's hash index first).
    absent_stamp: Cell<u64>,
    hops: Vec<Hop>,
    cached: Cached,
    fills: u16,
}

impl PropSite {
    /// Remembers a read's receiver check, chain and answer.
    fn fill(&mut self, receiver: ReceiverCheck, hops: Vec<Hop>, cached: Cached) {
        (self.receiver, self.receiver_absent) = match receiver {
            ReceiverCheck::Shape(w) => (w, false),
            ReceiverCheck::Absent => (ShapeWitness::never(), true),
        };
        self.absent_stamp.set(0);
        self.hops = hops;
        self.cached = cached;
    }

    /// Is this entry's receiver check true of `d` (the name the entry's, the receiver of a
    /// kind whose answer is its property map's, and without an own property `name`: by its
    /// shape, or by a search for an own-shaped receiver)?
    #[inline(always)]
    fn receiver_answers(&self, name: &JsStr, d: &ObjectData) -> bool {
        if !JsStr::ptr_eq(&self.name, name) || !self.name_class.ordinary_for(&d.kind) {
            return false;
        }
        if self.receiver_absent {
            let stamp = d.props.own_stamp();
            if stamp == 0 || stamp != self.absent_stamp.get() {
                if d.props.find(&PropKey::Str(name.clone())).is_some() {
                    return false;
                }
                self.absent_stamp.set(stamp);
            }
            true
        } else {
            self.receiver.matches(&d.props)
        }
    }

    /// `slot` of the holder's property map when this entry's chain answers for `o` (the
    /// receiver's shape, then each object by identity, shape and kind).
    #[inline(always)]
    fn holder_slot<R>(
        &self,
        name: &JsStr,
        o: &Obj,
        slot: impl Fn(&crate::prop_map::PropMap) -> Option<R>,
    ) -> Option<R> {
        let d = o.borrow();
        if !self.receiver_answers(name, &d) {
            return None;
        }
        let class = self.name_class;
        // The first object of the chain borrowed in place (most holders are the receiver's
        // prototype); the rest by `holder_along`.
        let (hop, rest) = self.hops.split_first()?;
        let p = d.proto.as_ref()?;
        let pd = p.borrow();
        if !hop.is(p, &pd, class) {
            return None;
        }
        if rest.is_empty() {
            return slot(&pd.props);
        }
        holder_along(rest, class, pd.proto.as_ref()?, &slot)
    }
}

/// Which object kinds have an own property `name` outside their property map, or answer
/// [[Get]]/[[Set]] of it otherwise.
#[derive(Clone, Copy, Debug, PartialEq)]
enum NameClass {
    /// `length`: arrays and String objects.
    Length,
    /// A canonical numeric string (`Infinity`, `NaN`): typed arrays.
    Numeric,
    Other,
}

impl NameClass {
    fn of(name: &JsStr) -> NameClass {
        let key = PropKey::Str(name.clone());
        if name.units() == crate::interp::ops::LENGTH {
            NameClass::Length
        } else if crate::builtins::typed_array::canonical_numeric_index(&key).is_some() {
            NameClass::Numeric
        } else {
            NameClass::Other
        }
    }
    /// Is an object of this kind's answer for the name its property map's, then its
    /// prototype's (OrdinaryGet, OrdinarySet's search)?
    #[inline(always)]
    fn ordinary_for(self, kind: &ObjectKind) -> bool {
        match self {
            NameClass::Other => !matches!(kind, ObjectKind::Proxy(_)),
            NameClass::Length => !matches!(
                kind,
                ObjectKind::Proxy(_) | ObjectKind::Array { .. } | ObjectKind::String(_)
            ),
            NameClass::Numeric => !matches!(kind, ObjectKind::Proxy(_) | ObjectKind::TypedArray(_)),
        }
    }
}

/// May a property be added to an object of this kind by OrdinarySet's last step
/// (CreateDataProperty on an ordinary object)? Arrays, String objects, typed arrays and
/// proxies have their own [[DefineOwnProperty]] or [[Set]].
#[inline(always)]
fn ordinary_receiver_for_add(kind: &ObjectKind) -> bool {
    !matches!(
        kind,
        ObjectKind::Proxy(_)
            | ObjectKind::TypedArray(_)
            | ObjectKind::Array { .. }
            | ObjectKind::String(_)
    )
}

/// How a read entry checks that its receiver has no own property of the name.
enum ReceiverCheck {
    /// By the receiver's shape (a shared one).
    Shape(ShapeWitness),
    /// By a search of the receiver's own properties.
    Absent,
}

/// Every site's inline cache, indexed by the sites' `site` cells.
#[derive(Default)]
pub(crate) struct PropSites {
    sites: Vec<PropSite>,
}

/// A lookup's result when a read site missed.
pub(crate) enum ReadMiss {
    /// The value (a data property found on a plain chain).
    Value(Value),
    /// The name is an own data property at this position (with this value): the site's
    /// position hint takes it.
    Own(u32, Value),
    /// A getter found on the chain (remembered if the chain is plain): [[Get]] calls it
    /// with the receiver as `this`.
    Getter(Obj),
    /// The full [[Get]] must answer (an accessor, a lazy slot, a Proxy, ...).
    Generic,
}

impl PropSites {
    /// The entry of `site` for `name`, made if the site has none.
    fn entry(&mut self, site: &Cell<u32>, name: &JsStr) -> Option<&mut PropSite> {
        let i = site.get() as usize;
        // The index is only a hint: an entry for another name is not this site's.
        if self
            .sites
            .get(i)
            .is_some_and(|e| JsStr::ptr_eq(&e.name, name))
        {
            return self.sites.get_mut(i);
        }
        if self.sites.len() >= MAX_SITES {
            return None;
        }
        site.set(u32::try_from(self.sites.len()).ok()?);
        self.sites.push(PropSite {
            name: name.clone(),
            name_class: NameClass::of(name),
            receiver: ShapeWitness::default(),
            receiver_absent: false,
            absent_stamp: Cell::new(0),
            hops: Vec::new(),
            cached: Cached::Nothing,
            fills: 0,
        });
        self.sites.last_mut()
    }

    /// `o.name`'s value if the site's cache answers for `o`.
    #[inline]
    pub(crate) fn read_hit(&self, site: u32, name: &JsStr, o: &Obj) -> Option<Value> {
        let e = self.sites.get(site as usize)?;
        let Cached::Read { pos } = e.cached else {
            return None;
        };
        e.holder_slot(name, o, |props| props.data_at(pos as usize).cloned())
    }

    /// Is `o.name` undefined by the site's cache (the name nowhere on `o`'s chain, which is
    /// the remembered one to its end)?
    #[inline]
    pub(crate) fn absent_hit(&self, site: u32, name: &JsStr, o: &Obj) -> bool {
        let Some(e) = self.sites.get(site as usize) else {
            return false;
        };
        if !matches!(e.cached, Cached::Absent) {
            return false;
        }
        let d = o.borrow();
        e.receiver_answers(name, &d) && chain_is_2(&e.hops, e.name_class, d.proto.as_ref())
    }

    /// The getter `o.name` calls if the site's cache answers for `o` with a getter.
    #[inline]
    pub(crate) fn getter_hit(&self, site: u32, name: &JsStr, o: &Obj) -> Option<Obj> {
        let e = self.sites.get(site as usize)?;
        let Cached::Get { pos } = e.cached else {
            return None;
        };
        e.holder_slot(name, o, |props| props.getter_at(pos as usize).cloned())
    }

    /// [[Get]] of `name` on `o` by walking its chain as OrdinaryGet does, where the chain is
    /// plain; the site's entry remembers what a later read needs (see the module docs).
    pub(crate) fn read_miss(&mut self, site: &Cell<u32>, name: &JsStr, o: &Obj) -> ReadMiss {
        let given_up = self
            .sites
            .get(site.get() as usize)
            .is_some_and(|e| e.fills >= MAX_FILLS && JsStr::ptr_eq(&e.name, name));
        if given_up {
            return ReadMiss::Generic;
        }
        let outcome = self.read_walk(site, name, o);
        if matches!(outcome, ReadMiss::Generic) {
            // A getter, a Proxy...: the full [[Get]] repeats the search, so a site that
            // keeps answering so stops walking.
            if let Some(e) = self.entry(site, name) {
                e.fills = e.fills.saturating_add(1);
            }
        }
        outcome
    }

    fn read_walk(&mut self, site: &Cell<u32>, name: &JsStr, o: &Obj) -> ReadMiss {
        let key = PropKey::Str(name.clone());
        let class = NameClass::of(name);
        let (receiver, receiver_shared, cur) = {
            let d = o.borrow();
            if !class.ordinary_for(&d.kind) {
                return ReadMiss::Generic;
            }
            if let Some(i) = d.props.find(&key) {
                return match (u32::try_from(i), d.props.data_at(i)) {
                    (Ok(pos), Some(v)) => ReadMiss::Own(pos, v.clone()),
                    _ => ReadMiss::Generic,
                };
            }
            (d.props.witness(), d.props.is_shared(), d.proto.clone())
        };
        // Only a shared shape is remembered for the receiver (see the module docs); an
        // own-shaped receiver is checked by a search on a hit.
        let receiver = if receiver_shared {
            ReceiverCheck::Shape(receiver)
        } else {
            ReceiverCheck::Absent
        };
        self.walk_chain(site, name, &key, class, Some(receiver), cur)
    }

    /// OrdinaryGet's search of `name` from `cur` on (the receiver's prototype, the receiver
    /// having no property `name`); the site's entry remembers the chain if it is plain and
    /// `receiver` is given.
    fn walk_chain(
        &mut self,
        site: &Cell<u32>,
        name: &JsStr,
        key: &PropKey,
        class: NameClass,
        receiver: Option<ReceiverCheck>,
        mut cur: Option<Obj>,
    ) -> ReadMiss {
        let mut hops = Vec::new();
        loop {
            let Some(p) = cur else {
                // The end of the chain: remembered as the name's absence.
                if let (Some(receiver), true) = (receiver, hops.len() <= MAX_HOPS) {
                    if let Some(e) = self.entry(site, name) {
                        if e.fills < MAX_FILLS {
                            e.fills += 1;
                            e.fill(receiver, hops, Cached::Absent);
                        }
                    }
                }
                return ReadMiss::Value(Value::Undefined);
            };
            let d = p.borrow();
            if !class.ordinary_for(&d.kind) {
                return ReadMiss::Generic;
            }
            hops.push(Hop {
                obj: p.0.downgrade(),
                shape: d.props.witness(),
            });
            if let Some(i) = d.props.find(key) {
                let found = match (d.props.data_at(i), d.props.getter_at(i)) {
                    (Some(v), _) => ReadMiss::Value(v.clone()),
                    (None, Some(g)) => ReadMiss::Getter(g.clone()),
                    // A lazy slot, or an accessor without a getter.
                    (None, None) => return ReadMiss::Generic,
                };
                drop(d);
                if let (Some(receiver), true) = (receiver, hops.len() <= MAX_HOPS) {
                    if let (Some(e), Ok(pos)) = (self.entry(site, name), u32::try_from(i)) {
                        if e.fills < MAX_FILLS {
                            e.fills += 1;
                            let cached = match found {
                                ReadMiss::Getter(_) => Cached::Get { pos },
                                _ => Cached::Read { pos },
                            };
                            e.fill(receiver, hops, cached);
                        }
                    }
                }
                return found;
            }
            let next = d.proto.clone();
            drop(d);
            cur = next;
        }
    }

    /// `s.name` for a primitive `s` whose prototype is `proto` (a string's
    /// `%String.prototype%`) and whose own properties do not include `name` (a string's
    /// are `length` and its indices), if the site's cache answers: the entry's chain
    /// starts at `proto`.
    #[inline]
    pub(crate) fn read_hit_primitive(&self, site: u32, name: &JsStr, proto: &Obj) -> Option<Value> {
        let e = self.sites.get(site as usize)?;
        if !JsStr::ptr_eq(&e.name, name) || e.name_class == NameClass::Length {
            return None;
        }
        match e.cached {
            Cached::Read { pos } => read_along(&e.hops, e.name_class, proto, pos),
            Cached::Absent if chain_is(&e.hops, e.name_class, Some(proto)) => {
                Some(Value::Undefined)
            }
            _ => None,
        }
    }

    /// [`PropSites::read_hit_primitive`] when the cache missed: the search from `proto`,
    /// remembered. `None`: the full [[Get]] must answer.
    pub(crate) fn read_miss_primitive(
        &mut self,
        site: &Cell<u32>,
        name: &JsStr,
        proto: &Obj,
    ) -> Option<Value> {
        let class = NameClass::of(name);
        if class == NameClass::Length {
            return None;
        }
        let given_up = self
            .sites
            .get(site.get() as usize)
            .is_some_and(|e| e.fills >= MAX_FILLS && JsStr::ptr_eq(&e.name, name));
        if given_up {
            return None;
        }
        let key = PropKey::Str(name.clone());
        // No object has the never-matching receiver shape: the entry serves primitives only.
        match self.walk_chain(
            site,
            name,
            &key,
            class,
            Some(ReceiverCheck::Shape(ShapeWitness::never())),
            Some(proto.clone()),
        ) {
            ReadMiss::Value(v) => Some(v),
            _ => {
                if let Some(e) = self.entry(site, name) {
                    e.fills = e.fills.saturating_add(1);
                }
                None
            }
        }
    }

    /// `o.name = v` if the site's cache answers for `o`: the property added as the last
    /// time; false (nothing done) if not.
    #[inline]
    pub(crate) fn add_hit(&self, site: u32, name: &JsStr, o: &Obj, v: &Value) -> bool {
        let Some(e) = self.sites.get(site as usize) else {
            return false;
        };
        let Cached::Add { to } = &e.cached else {
            return false;
        };
        if !JsStr::ptr_eq(&e.name, name) {
            return false;
        }
        let class = e.name_class;
        let matches = {
            let d = o.borrow();
            d.extensible
                && e.receiver.matches(&d.props)
                && ordinary_receiver_for_add(&d.kind)
                && chain_is_2(&e.hops, class, d.proto.as_ref())
        };
        matches && o.borrow_mut().props.push_added(to, v.clone())
    }

    /// Before `o.name = v` takes the full [[Set]] at a site whose cache missed: if the
    /// name is nowhere on `o`'s chain and the chain is plain, what the entry needs to
    /// remember once the property is added ([`PropSites::add_filled`]).
    pub(crate) fn add_miss(&mut self, site: &Cell<u32>, name: &JsStr, o: &Obj) -> AddMiss {
        let given_up = self
            .sites
            .get(site.get() as usize)
            .is_some_and(|e| e.fills >= MAX_FILLS && JsStr::ptr_eq(&e.name, name));
        if given_up {
            return AddMiss::Generic;
        }
        let outcome = Self::add_walk(name, o);
        if !matches!(outcome, AddMiss::Plan(_)) {
            // A setter, a read-only property, an existing property...: counted as a refill,
            // so that a site that keeps answering so stops walking.
            if let Some(e) = self.entry(site, name) {
                e.fills = e.fills.saturating_add(1);
            }
        }
        outcome
    }

    fn add_walk(name: &JsStr, o: &Obj) -> AddMiss {
        let key = PropKey::Str(name.clone());
        let class = NameClass::of(name);
        let d = o.borrow();
        if let Some(i) = d.props.find(&key) {
            return u32::try_from(i).map_or(AddMiss::Generic, AddMiss::Own);
        }
        if !d.extensible || !ordinary_receiver_for_add(&d.kind) || !d.props.is_shared() {
            return AddMiss::Generic;
        }
        let receiver = d.props.witness();
        let mut next = d.proto.clone();
        drop(d);
        let mut hops = Vec::new();
        while let Some(cur) = next {
            if hops.len() == MAX_HOPS {
                return AddMiss::Generic;
            }
            let d = cur.borrow();
            if !class.ordinary_for(&d.kind) || d.props.find(&key).is_some() {
                return AddMiss::Generic;
            }
            hops.push(Hop {
                obj: cur.0.downgrade(),
                shape: d.props.witness(),
            });
            next = d.proto.clone();
        }
        AddMiss::Plan(AddPlan { receiver, hops })
    }

    /// After the full [[Set]] of a site whose [`PropSites::add_miss`] gave `plan`: the
    /// entry remembers the transition the receiver took, if it took one.
    pub(crate) fn add_filled(&mut self, site: &Cell<u32>, name: &JsStr, o: &Obj, plan: AddPlan) {
        let key = PropKey::Str(name.clone());
        let Some(to) = o.borrow().props.added_by_transition(&plan.receiver, &key) else {
            return;
        };
        if let Some(e) = self.entry(site, name) {
            if e.fills < MAX_FILLS {
                e.fills += 1;
                e.receiver = plan.receiver;
                e.receiver_absent = false;
                e.absent_stamp.set(0);
                e.hops = plan.hops;
                e.cached = Cached::Add { to };
            }
        }
    }
}

/// Does the chain from `o` on match `hops` (each object by identity, its shape and its
/// kind's answer for the name) — the holder the last — and the holder's slot at `pos` hold
/// a data property? Its value if so.
fn read_along(hops: &[Hop], class: NameClass, o: &Obj, pos: u32) -> Option<Value> {
    holder_along(hops, class, o, &|props: &crate::prop_map::PropMap| {
        props.data_at(pos as usize).cloned()
    })
}

/// `slot` of the last object's property map if the chain from `o` on matches `hops`.
/// (Recursive, so that each object stays borrowed while its prototype is looked at: no
/// reference counts are touched.)
fn holder_along<R>(
    hops: &[Hop],
    class: NameClass,
    o: &Obj,
    slot: &dyn Fn(&crate::prop_map::PropMap) -> Option<R>,
) -> Option<R> {
    let (hop, rest) = hops.split_first()?;
    let d = o.borrow();
    if !hop.is(o, &d, class) {
        return None;
    }
    if rest.is_empty() {
        return slot(&d.props);
    }
    holder_along(rest, class, d.proto.as_ref()?, slot)
}

/// [`chain_is`] with the first two objects borrowed in place (a class's prototype and
/// `Object.prototype`: most chains an add sees).
#[inline(always)]
fn chain_is_2(hops: &[Hop], class: NameClass, o: Option<&Obj>) -> bool {
    let Some((hop, rest)) = hops.split_first() else {
        return o.is_none();
    };
    let Some(o) = o else {
        return false;
    };
    let d = o.borrow();
    if !hop.is(o, &d, class) {
        return false;
    }
    let Some((hop, rest)) = rest.split_first() else {
        return d.proto.is_none();
    };
    let Some(p) = d.proto.as_ref() else {
        return false;
    };
    let pd = p.borrow();
    hop.is(p, &pd, class) && chain_is(rest, class, pd.proto.as_ref())
}

/// Is the chain from `o` on (to its end) made of `hops`' objects, with their shapes and
/// kinds answering for the name as their property maps do?
fn chain_is(hops: &[Hop], class: NameClass, o: Option<&Obj>) -> bool {
    let Some((hop, rest)) = hops.split_first() else {
        return o.is_none();
    };
    let Some(o) = o else {
        return false;
    };
    let d = o.borrow();
    if !hop.is(o, &d, class) {
        return false;
    }
    chain_is(rest, class, d.proto.as_ref())
}

/// What [`PropSites::add_miss`] found.
pub(crate) enum AddMiss {
    /// The name is nowhere on a plain chain: the receiver's shape before the add and its
    /// chain, for [`PropSites::add_filled`] once the full [[Set]] added it.
    Plan(AddPlan),
    /// The name is an own property of the receiver, at this position: the site's position
    /// hint takes it.
    Own(u32),
    /// Neither: the full [[Set]] answers (a setter, a read-only property, a Proxy...).
    Generic,
}

/// The receiver's shape before an add and its chain.
pub(crate) struct AddPlan {
    receiver: ShapeWitness,
    hops: Vec<Hop>,
}
