//! `Map`, `Set`, `WeakMap`, `WeakSet` and their storage.
//!
//! [`MapData`] keeps entries in insertion order in a vector with tombstones, plus a hash index
//! keyed by SameValueZero. Iterators hold a position into the vector, so entries added during
//! iteration are visited and deleted ones skipped, as the spec requires.

use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::builtins::iterator::{describe, incompatible_receiver};
use crate::gc::{Tracer, WeakGc};
use crate::interp::{Args, Interp, JsResult};
use crate::object::{trace_value, Attrs, Obj, ObjectData, ObjectKind, PropKey};
use crate::object_kind::IterKind;
use crate::string::JsStr;
use crate::value::{SymData, Value};

/// A SameValueZero-hashable form of a value.
#[derive(Hash, PartialEq, Eq, Debug, Clone)]
pub enum HashKey {
    Undefined,
    Null,
    Bool(bool),
    Num(u64),
    Str(JsStr),
    /// BigInts hash by value.
    BigInt(std::rc::Rc<num_bigint::BigInt>),
    /// Symbols and objects hash by identity (the entry keeps the value alive).
    Ptr(usize),
}

impl HashKey {
    pub fn of(v: &Value) -> HashKey {
        match v {
            Value::Undefined | Value::Empty => HashKey::Undefined,
            Value::Null => HashKey::Null,
            Value::Bool(b) => HashKey::Bool(*b),
            Value::Number(n) => {
                let n = if *n == 0.0 { 0.0 } else { *n };
                HashKey::Num(if n.is_nan() {
                    f64::NAN.to_bits()
                } else {
                    n.to_bits()
                })
            }
            Value::String(s) => HashKey::Str(s.clone()),
            Value::BigInt(b) => HashKey::BigInt(b.clone()),
            Value::Symbol(s) => HashKey::Ptr(std::rc::Rc::as_ptr(&s.0) as *const u8 as usize),
            Value::Object(o) => HashKey::Ptr(o.addr()),
        }
    }
}

/// The entries of a Map/Set/WeakMap/WeakSet.
#[derive(Default)]
pub struct MapData {
    /// `None` marks a deleted entry (tombstone).
    pub entries: Vec<Option<(Value, Value)>>,
    index: FxHashMap<HashKey, usize>,
    live: usize,
    /// Iterators over this map: their positions are remapped when tombstones are compacted.
    iterators: Vec<WeakGc<RefCell<ObjectData>>>,
    /// `forEach` loops in progress (they hold raw positions): no compaction meanwhile.
    pinned: u32,
}

impl std::fmt::Debug for MapData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MapData")
            .field("entries", &self.entries)
            .field("live", &self.live)
            .finish()
    }
}

/// Tombstones tolerated before compaction (also at least as many as live entries).
const COMPACT_MIN_DEAD: usize = 32;

impl MapData {
    pub fn len(&self) -> usize {
        self.live
    }
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }
    pub fn get(&self, k: &Value) -> Option<&Value> {
        let i = *self.index.get(&HashKey::of(k))?;
        self.entries[i].as_ref().map(|(_, v)| v)
    }
    pub fn has(&self, k: &Value) -> bool {
        self.index.contains_key(&HashKey::of(k))
    }
    pub fn set(&mut self, k: Value, v: Value) {
        // -0 is normalized to +0 as a key.
        let k = match k {
            Value::Number(n) => Value::Number(if n == 0.0 { 0.0 } else { n }),
            k => k,
        };
        let hk = HashKey::of(&k);
        if let Some(&i) = self.index.get(&hk) {
            if let Some(e) = &mut self.entries[i] {
                e.1 = v;
                return;
            }
        }
        self.index.insert(hk, self.entries.len());
        self.entries.push(Some((k, v)));
        self.live += 1;
    }
    pub fn delete(&mut self, k: &Value) -> bool {
        match self.index.remove(&HashKey::of(k)) {
            Some(i) => {
                self.entries[i] = None;
                self.live -= 1;
                self.maybe_compact();
                true
            }
            None => false,
        }
    }
    pub fn clear(&mut self) {
        for e in &mut self.entries {
            *e = None;
        }
        self.index.clear();
        self.live = 0;
        self.maybe_compact();
    }
    /// The entry at or after position `i` (for iterators): (position, key, value).
    pub fn entry_from(&self, mut i: usize) -> Option<(usize, Value, Value)> {
        while i < self.entries.len() {
            if let Some((k, v)) = &self.entries[i] {
                return Some((i, k.clone(), v.clone()));
            }
            i += 1;
        }
        None
    }
    pub fn trace(&self, t: &mut Tracer) {
        for (k, v) in self.entries.iter().flatten() {
            trace_value(k, t);
            trace_value(v, t);
        }
    }
    /// Live keys in order (no user code runs).
    pub fn keys(&self) -> Vec<Value> {
        self.entries
            .iter()
            .flatten()
            .map(|(k, _)| k.clone())
            .collect()
    }

    /// Registers an iterator object (ObjectKind::MapIterator / SetIterator over this map) so
    /// its position follows compaction.
    pub fn register_iterator(&mut self, iter: &Obj) {
        if self.iterators.len() >= 16 && self.iterators.len().is_power_of_two() {
            self.iterators.retain(|w| w.upgrade().is_some());
        }
        self.iterators.push(iter.0.downgrade());
    }

    pub fn pin(&mut self) {
        self.pinned += 1;
    }
    pub fn unpin(&mut self) {
        self.pinned = self.pinned.saturating_sub(1);
        self.maybe_compact();
    }

    /// Drops tombstones once they outnumber live entries, remapping iterator positions
    /// (position p becomes the number of live entries before p).
    fn maybe_compact(&mut self) {
        let dead = self.entries.len() - self.live;
        if self.pinned > 0 || dead < COMPACT_MIN_DEAD || dead < self.live {
            return;
        }
        let iters: Vec<Obj> = self
            .iterators
            .iter()
            .filter_map(|w| w.upgrade().map(Obj))
            .collect();
        let mut guards = Vec::with_capacity(iters.len());
        for o in &iters {
            match o.0.try_borrow_mut() {
                Ok(g) => guards.push(g),
                // An iterator is in use right now: compact later.
                Err(_) => return,
            }
        }
        let mut new_pos = Vec::with_capacity(self.entries.len() + 1);
        let mut c = 0;
        for e in &self.entries {
            new_pos.push(c);
            if e.is_some() {
                c += 1;
            }
        }
        new_pos.push(c);
        for g in &mut guards {
            match &mut g.kind {
                ObjectKind::MapIterator { index, .. } | ObjectKind::SetIterator { index, .. }
                    if *index != usize::MAX =>
                {
                    *index = new_pos[(*index).min(new_pos.len() - 1)];
                }
                _ => {}
            }
        }
        drop(guards);
        self.entries.retain(|e| e.is_some());
        self.index.clear();
        for (i, e) in self.entries.iter().enumerate() {
            if let Some((k, _)) = e {
                self.index.insert(HashKey::of(k), i);
            }
        }
        self.iterators = iters.iter().map(|o| o.0.downgrade()).collect();
    }
}

/// A WeakMap/WeakSet key: an object or a non-registered symbol, held weakly.
enum WeakKey {
    Object(WeakGc<RefCell<ObjectData>>),
    Symbol(std::rc::Weak<SymData>),
}

impl WeakKey {
    /// CanBeHeldWeakly(v), then a weak handle.
    fn of(v: &Value) -> Option<WeakKey> {
        match v {
            Value::Object(o) => Some(WeakKey::Object(o.0.downgrade())),
            Value::Symbol(s) if !s.0.registered => Some(WeakKey::Symbol(Rc::downgrade(&s.0))),
            _ => None,
        }
    }

    /// The key's address: the weak handle keeps the allocation, so no other key is made at
    /// this address while the entry exists, and a live key's address finds its entry exactly.
    fn addr(&self) -> usize {
        match self {
            WeakKey::Object(w) => w.addr(),
            WeakKey::Symbol(w) => std::rc::Weak::as_ptr(w) as *const u8 as usize,
        }
    }

    fn is_alive(&self) -> bool {
        match self {
            WeakKey::Object(w) => w.is_alive(),
            WeakKey::Symbol(w) => w.strong_count() > 0,
        }
    }

    /// During a collection: whether the key was found reachable (a symbol, which the
    /// collector does not trace, counts as reachable while it is alive).
    fn is_marked(&self) -> bool {
        match self {
            WeakKey::Object(w) => w.is_marked(),
            WeakKey::Symbol(w) => w.strong_count() > 0,
        }
    }

    fn upgrade(&self) -> Option<Value> {
        match self {
            WeakKey::Object(w) => w.upgrade().map(|g| Value::Object(Obj(g))),
            WeakKey::Symbol(w) => w.upgrade().map(|s| Value::Symbol(crate::value::Sym(s))),
        }
    }
}

/// The address a WeakMap/WeakSet looks a key up by (`None`: not a weak key).
fn weak_addr(v: &Value) -> Option<usize> {
    match v {
        Value::Object(o) => Some(o.addr()),
        Value::Symbol(s) if !s.0.registered => Some(Rc::as_ptr(&s.0) as *const u8 as usize),
        _ => None,
    }
}

/// The entries of a WeakMap or WeakSet (a WeakSet's values are `undefined`).
///
/// Keys are held weakly and each value is an *ephemeron*: it is reachable through the
/// collection only while its key is reachable otherwise ([`Tracer::ephemeron_edge`]).
/// An entry whose key died is removed by the next collection
/// ([`WeakCollectionData::sweep_unmarked`]) or, when reference counting freed the key, by
/// the next insertion that finds the table grown past [`WeakCollectionData::sweep_at`]
/// (as many insertions after the last sweep as there were live entries, at least 64), so
/// dead entries cost amortized constant time and at most about as much memory as the live
/// ones. Insertion order is kept for
/// `util.inspect` with `showHidden`.
pub struct WeakCollectionData {
    /// `None` marks a removed entry (tombstone).
    entries: Vec<Option<(WeakKey, Value)>>,
    index: FxHashMap<usize, usize>,
    live: usize,
    sweep_at: usize,
}

/// The least table size at which dead keys are swept out on insertion.
const WEAK_SWEEP_MIN: usize = 64;

impl Default for WeakCollectionData {
    fn default() -> Self {
        WeakCollectionData {
            entries: Vec::new(),
            index: FxHashMap::default(),
            live: 0,
            sweep_at: WEAK_SWEEP_MIN,
        }
    }
}

impl std::fmt::Debug for WeakCollectionData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WeakCollectionData")
            .field("live", &self.live)
            .finish()
    }
}

impl WeakCollectionData {
    pub fn get(&self, k: &Value) -> Option<&Value> {
        let i = *self.index.get(&weak_addr(k)?)?;
        self.entries.get(i)?.as_ref().map(|(_, v)| v)
    }
    pub fn has(&self, k: &Value) -> bool {
        weak_addr(k).is_some_and(|a| self.index.contains_key(&a))
    }
    /// Sets the entry of `k` (ignored unless `k` can be held weakly).
    pub fn set(&mut self, k: &Value, v: Value) {
        let Some(key) = WeakKey::of(k) else {
            return;
        };
        let addr = key.addr();
        if let Some(&i) = self.index.get(&addr) {
            if let Some(e) = self.entries.get_mut(i).and_then(Option::as_mut) {
                e.1 = v;
                return;
            }
        }
        if self.entries.len() >= self.sweep_at {
            self.remove_where(|k| !k.is_alive());
        }
        self.index.insert(addr, self.entries.len());
        self.entries.push(Some((key, v)));
        self.live += 1;
    }
    pub fn delete(&mut self, k: &Value) -> bool {
        let Some(i) = weak_addr(k).and_then(|a| self.index.remove(&a)) else {
            return false;
        };
        if let Some(e) = self.entries.get_mut(i) {
            *e = None;
        }
        self.live -= 1;
        self.compact();
        true
    }
    /// The entries whose keys are alive, in insertion order.
    pub fn entries(&self) -> Vec<(Value, Value)> {
        self.entries
            .iter()
            .flatten()
            .filter_map(|(k, v)| Some((k.upgrade()?, v.clone())))
            .collect()
    }
    /// Each value is an edge only while its key is reachable.
    pub fn trace(&self, t: &mut Tracer) {
        t.note_weak_container();
        for (k, v) in self.entries.iter().flatten() {
            let Value::Object(v) = v else {
                continue;
            };
            match k {
                WeakKey::Object(k) => t.ephemeron_edge(k, &v.0),
                WeakKey::Symbol(k) => t.ephemeron_edge_if(k.strong_count() > 0, &v.0),
            }
        }
    }
    /// During a collection, after marking: drops the entries whose keys were not reached.
    pub fn sweep_unmarked(&mut self) {
        self.remove_where(|k| !k.is_marked());
    }
    /// Removes the entries whose keys are `dead`; the next sweep on insertion comes after as
    /// many insertions as there are live entries (at least [`WEAK_SWEEP_MIN`]), so a sweep's
    /// cost is spread over as many insertions whatever the tombstones left.
    fn remove_where(&mut self, dead: impl Fn(&WeakKey) -> bool) {
        for e in &mut self.entries {
            if e.as_ref().is_some_and(|(k, _)| dead(k)) {
                if let Some((k, _)) = e.take() {
                    self.index.remove(&k.addr());
                    self.live -= 1;
                }
            }
        }
        self.compact();
        self.sweep_at = self.entries.len() + self.live.max(WEAK_SWEEP_MIN);
    }
    /// Drops tombstones once they outnumber live entries.
    fn compact(&mut self) {
        let dead = self.entries.len() - self.live;
        if dead < COMPACT_MIN_DEAD || dead < self.live {
            return;
        }
        self.entries.retain(Option::is_some);
        self.index.clear();
        for (i, e) in self.entries.iter().enumerate() {
            if let Some((k, _)) = e {
                self.index.insert(k.addr(), i);
            }
        }
    }
}

// ---- shared helpers -------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Coll {
    Map,
    Set,
    WeakMap,
    WeakSet,
}

impl Coll {
    fn name(self) -> &'static str {
        match self {
            Coll::Map => "Map",
            Coll::Set => "Set",
            Coll::WeakMap => "WeakMap",
            Coll::WeakSet => "WeakSet",
        }
    }
    fn matches(self, k: &ObjectKind) -> bool {
        matches!(
            (self, k),
            (Coll::Map, ObjectKind::Map(_))
                | (Coll::Set, ObjectKind::Set(_))
                | (Coll::WeakMap, ObjectKind::WeakMap(_))
                | (Coll::WeakSet, ObjectKind::WeakSet(_))
        )
    }
}

/// `this` checked to be a collection of the given kind.
fn this_coll(it: &mut Interp, a: &Args, c: Coll, method: &str) -> JsResult<Obj> {
    if let Value::Object(o) = a.this {
        if c.matches(&o.borrow().kind) {
            return Ok(o.clone());
        }
    }
    let m = format!("{}.prototype.{method}", c.name());
    Err(incompatible_receiver(it, &m, a.this))
}

/// Runs `f` on the collection's data (no user code may run inside).
fn with_data<R>(o: &Obj, f: impl FnOnce(&mut MapData) -> R) -> Option<R> {
    let mut d = o.borrow_mut();
    match &mut d.kind {
        ObjectKind::Map(m) | ObjectKind::Set(m) => Some(f(m)),
        _ => None,
    }
}

/// Runs `f` on a WeakMap's or WeakSet's entries (no user code may run inside).
fn with_weak_data<R>(o: &Obj, f: impl FnOnce(&mut WeakCollectionData) -> R) -> Option<R> {
    let mut d = o.borrow_mut();
    match &mut d.kind {
        ObjectKind::WeakMap(m) | ObjectKind::WeakSet(m) => Some(f(m)),
        _ => None,
    }
}

/// CanBeHeldWeakly(v): objects and non-registered symbols.
fn can_be_held_weakly(v: &Value) -> bool {
    match v {
        Value::Object(_) => true,
        Value::Symbol(s) => !s.0.registered,
        _ => false,
    }
}

// ---- constructors -------------------------------------------------------------------------------

/// The shared constructor body: allocate, then AddEntriesFromIterable / add each value.
fn construct_collection(it: &mut Interp, a: &Args, c: Coll) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError.
    let Some(nt) = a.new_target else {
        return Err(it.type_error(format!("Constructor {} requires 'new'", c.name())));
    };
    // 2. OrdinaryCreateFromConstructor(NewTarget, "%X.prototype%").
    let proto = it.get_prototype_from_constructor(nt, |i| match c {
        Coll::Map => i.map_prototype.clone(),
        Coll::Set => i.set_prototype.clone(),
        Coll::WeakMap => i.weakmap_prototype.clone(),
        Coll::WeakSet => i.weakset_prototype.clone(),
    })?;
    let kind = match c {
        Coll::Map => ObjectKind::Map(Box::default()),
        Coll::Set => ObjectKind::Set(Box::default()),
        Coll::WeakMap => ObjectKind::WeakMap(Box::default()),
        Coll::WeakSet => ObjectKind::WeakSet(Box::default()),
    };
    let obj = Obj::new(Some(proto), kind);
    // 3-4. If iterable is either undefined or null, return map.
    let iterable = a.get(0);
    if iterable.is_nullish() {
        return Ok(Value::Object(obj));
    }
    // 5. Let adder be ? Get(map, "set"/"add").
    let adder_name = match c {
        Coll::Map | Coll::WeakMap => "set",
        Coll::Set | Coll::WeakSet => "add",
    };
    let adder = it.get(&obj, &PropKey::from(adder_name))?;
    // 6. If IsCallable(adder) is false, throw a TypeError.
    if !it.is_callable(&adder) {
        return Err(it.type_error(format!(
            "'{}' returned for property '{adder_name}' of object '#<{}>' is not a function",
            describe(it, &adder),
            c.name()
        )));
    }
    let pairs = matches!(c, Coll::Map | Coll::WeakMap);
    let ov = Value::Object(obj.clone());
    let add = |it: &mut Interp, item: Value| -> JsResult<()> {
        if pairs {
            // AddEntriesFromIterable: the item must be an object; k = item[0], v = item[1].
            let Value::Object(io) = &item else {
                return Err(it.type_error(format!(
                    "Iterator value {} is not an entry object",
                    describe(it, &item)
                )));
            };
            let k = it.get(io, &PropKey::Index(0))?;
            let v = it.get(io, &PropKey::Index(1))?;
            it.call(&adder, &ov, &[k, v])?;
        } else {
            it.call(&adder, &ov, &[item])?;
        }
        Ok(())
    };
    // Fast path: a plain array with the built-in iterator (same observable steps).
    if let Value::Object(arr) = &iterable {
        if it.has_default_array_iteration(arr) {
            let mut k: u32 = 0;
            loop {
                let len = it.length_of_array_like(arr)?;
                if k as u64 >= len {
                    break;
                }
                let item = it.get(arr, &PropKey::Index(k))?;
                add(it, item)?;
                k += 1;
            }
            return Ok(Value::Object(obj));
        }
    }
    let key = PropKey::Sym(it.symbols.iterator.clone());
    let method = it.get_v(&iterable, &key)?;
    if !it.is_callable(&method) {
        return Err(it.type_error(format!(
            "{} is not iterable (cannot read property Symbol(Symbol.iterator))",
            crate::interp::iter::not_iterable_type_text(&iterable)
        )));
    }
    let mut rec = it.get_iterator_from_method(&iterable, &method)?;
    while let Some(item) = it.iterator_step_value(&mut rec)? {
        if let Err(e) = add(it, item) {
            return it.iterator_close(&rec, Err(e));
        }
    }
    Ok(Value::Object(obj))
}

fn map_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    construct_collection(it, a, Coll::Map)
}
fn set_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    construct_collection(it, a, Coll::Set)
}
fn weakmap_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    construct_collection(it, a, Coll::WeakMap)
}
fn weakset_constructor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    construct_collection(it, a, Coll::WeakSet)
}

fn species_getter(_it: &mut Interp, a: &Args) -> JsResult<Value> {
    Ok(a.this.clone())
}

/// `Map.groupBy(items, callbackfn)`.
fn map_group_by(it: &mut Interp, a: &Args) -> JsResult<Value> {
    // 1. Let groups be ? GroupBy(items, callbackfn, zero).
    let groups = crate::builtins::object::group_by(it, &a.get(0), &a.get(1), false, "Map.groupBy")?;
    // 2-3. A new Map with an entry (key, CreateArrayFromList(elements)) per group.
    let mut data = MapData::default();
    for (k, list) in groups {
        let arr = it.new_array(list);
        data.set(k, Value::Object(arr));
    }
    let proto = it.intrinsics.map_prototype.clone();
    Ok(Value::Object(Obj::new(
        Some(proto),
        ObjectKind::Map(Box::new(data)),
    )))
}

// ---- Map.prototype ------------------------------------------------------------------------------

fn map_get(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::Map, "get")?;
    let k = a.get(0);
    Ok(with_data(&o, |m| m.get(&k).cloned())
        .flatten()
        .unwrap_or(Value::Undefined))
}

fn map_set(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::Map, "set")?;
    let (k, v) = (a.get(0), a.get(1));
    with_data(&o, |m| m.set(k, v));
    Ok(Value::Object(o))
}

fn map_has(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::Map, "has")?;
    let k = a.get(0);
    Ok(Value::Bool(with_data(&o, |m| m.has(&k)).unwrap_or(false)))
}

fn map_delete(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::Map, "delete")?;
    let k = a.get(0);
    Ok(Value::Bool(
        with_data(&o, |m| m.delete(&k)).unwrap_or(false),
    ))
}

fn map_clear(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::Map, "clear")?;
    with_data(&o, |m| m.clear());
    Ok(Value::Undefined)
}

fn map_size(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::Map, "size").map_err(|_| size_error(it, "Map", a.this))?;
    Ok(Value::Number(with_data(&o, |m| m.len()).unwrap_or(0) as f64))
}

fn size_error(it: &mut Interp, name: &str, this: &Value) -> crate::interp::Abrupt {
    incompatible_receiver(it, &format!("get {name}.prototype.size"), this)
}

/// Map/Set `forEach`: visits entries added during the loop, skips deleted ones.
fn for_each_impl(it: &mut Interp, a: &Args, c: Coll) -> JsResult<Value> {
    let o = this_coll(it, a, c, "forEach")?;
    let f = a.get(0);
    if !it.is_callable(&f) {
        return Err(it.type_error(format!(
            "{} is not a function",
            crate::interp::iter::not_iterable_type_text(&f)
        )));
    }
    let this_arg = a.get(1);
    let ov = Value::Object(o.clone());
    with_data(&o, |m| m.pin());
    let mut i = 0;
    let r = loop {
        let Some(Some((pos, k, v))) = with_data(&o, |m| m.entry_from(i)) else {
            break Ok(Value::Undefined);
        };
        i = pos + 1;
        let args = if c == Coll::Map {
            [v, k, ov.clone()]
        } else {
            [k.clone(), k, ov.clone()]
        };
        if let Err(e) = it.call(&f, &this_arg, &args) {
            break Err(e);
        }
    };
    with_data(&o, |m| m.unpin());
    r
}

fn map_for_each(it: &mut Interp, a: &Args) -> JsResult<Value> {
    for_each_impl(it, a, Coll::Map)
}

/// CreateMapIterator / CreateSetIterator.
fn create_collection_iterator(
    it: &mut Interp,
    a: &Args,
    c: Coll,
    method: &str,
    kind: IterKind,
) -> JsResult<Value> {
    let o = this_coll(it, a, c, method)?;
    let iter = if c == Coll::Map {
        Obj::new(
            Some(it.intrinsics.map_iterator_prototype.clone()),
            ObjectKind::MapIterator {
                map: o.clone(),
                index: 0,
                kind,
            },
        )
    } else {
        Obj::new(
            Some(it.intrinsics.set_iterator_prototype.clone()),
            ObjectKind::SetIterator {
                set: o.clone(),
                index: 0,
                kind,
            },
        )
    };
    with_data(&o, |m| m.register_iterator(&iter));
    Ok(Value::Object(iter))
}

fn map_entries(it: &mut Interp, a: &Args) -> JsResult<Value> {
    create_collection_iterator(it, a, Coll::Map, "entries", IterKind::Entries)
}
fn map_keys(it: &mut Interp, a: &Args) -> JsResult<Value> {
    create_collection_iterator(it, a, Coll::Map, "keys", IterKind::Keys)
}
fn map_values(it: &mut Interp, a: &Args) -> JsResult<Value> {
    create_collection_iterator(it, a, Coll::Map, "values", IterKind::Values)
}

/// `%MapIteratorPrototype%.next` and `%SetIteratorPrototype%.next`.
fn collection_iterator_next(it: &mut Interp, a: &Args, is_map: bool) -> JsResult<Value> {
    Ok(match collection_iterator_step(it, a.this, is_map)? {
        Some(value) => it.iter_result(value, false),
        None => it.iter_result(Value::Undefined, true),
    })
}

/// `%MapIteratorPrototype%.next` / `%SetIteratorPrototype%.next` without the result object:
/// the next value, or `None` when done. Runs no script code.
pub(crate) fn collection_iterator_step(
    it: &mut Interp,
    this: &Value,
    is_map: bool,
) -> JsResult<Option<Value>> {
    let state = match this {
        Value::Object(o) => match &o.borrow().kind {
            ObjectKind::MapIterator { map, index, kind } if is_map => {
                Some((o.clone(), map.clone(), *index, *kind))
            }
            ObjectKind::SetIterator { set, index, kind } if !is_map => {
                Some((o.clone(), set.clone(), *index, *kind))
            }
            _ => None,
        },
        _ => None,
    };
    let Some((iter, coll, index, kind)) = state else {
        let name = if is_map {
            "Map Iterator.prototype.next"
        } else {
            "Set Iterator.prototype.next"
        };
        return Err(incompatible_receiver(it, name, this));
    };
    let found = with_data(&coll, |m| m.entry_from(index)).flatten();
    let (new_index, result) = match found {
        Some((pos, k, v)) => (pos + 1, Some((k, v))),
        None => (usize::MAX, None),
    };
    match &mut iter.borrow_mut().kind {
        ObjectKind::MapIterator { index, .. } | ObjectKind::SetIterator { index, .. } => {
            *index = new_index;
        }
        _ => {}
    }
    let Some((k, v)) = result else {
        return Ok(None);
    };
    let v = if is_map { v } else { k.clone() };
    Ok(Some(match kind {
        IterKind::Keys => k,
        IterKind::Values => v,
        IterKind::Entries => Value::Object(it.new_array(vec![k, v])),
    }))
}

fn map_iterator_next(it: &mut Interp, a: &Args) -> JsResult<Value> {
    collection_iterator_next(it, a, true)
}
fn set_iterator_next(it: &mut Interp, a: &Args) -> JsResult<Value> {
    collection_iterator_next(it, a, false)
}

// ---- Set.prototype ------------------------------------------------------------------------------

fn set_has(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::Set, "has")?;
    let k = a.get(0);
    Ok(Value::Bool(with_data(&o, |m| m.has(&k)).unwrap_or(false)))
}

fn set_add(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::Set, "add")?;
    let k = a.get(0);
    with_data(&o, |m| {
        if !m.has(&k) {
            m.set(k, Value::Undefined)
        }
    });
    Ok(Value::Object(o))
}

fn set_delete(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::Set, "delete")?;
    let k = a.get(0);
    Ok(Value::Bool(
        with_data(&o, |m| m.delete(&k)).unwrap_or(false),
    ))
}

fn set_clear(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::Set, "clear")?;
    with_data(&o, |m| m.clear());
    Ok(Value::Undefined)
}

fn set_size(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::Set, "size").map_err(|_| size_error(it, "Set", a.this))?;
    Ok(Value::Number(with_data(&o, |m| m.len()).unwrap_or(0) as f64))
}

fn set_for_each(it: &mut Interp, a: &Args) -> JsResult<Value> {
    for_each_impl(it, a, Coll::Set)
}

fn set_entries(it: &mut Interp, a: &Args) -> JsResult<Value> {
    create_collection_iterator(it, a, Coll::Set, "entries", IterKind::Entries)
}
fn set_values(it: &mut Interp, a: &Args) -> JsResult<Value> {
    create_collection_iterator(it, a, Coll::Set, "values", IterKind::Values)
}

// ---- Set methods (union, intersection, ...) -----------------------------------------------------

/// A Set Record: what the Set methods use of their argument.
struct SetRecord {
    obj: Obj,
    size: f64,
    has: Value,
    keys: Value,
}

/// GetSetRecord(obj), with V8's messages.
fn get_set_record(it: &mut Interp, other: &Value, method: &str) -> JsResult<SetRecord> {
    // 1. If obj is not an Object, throw a TypeError exception.
    let Value::Object(obj) = other else {
        return Err(it.type_error(format!("Set.prototype.{method} argument must be an object")));
    };
    // 2-4. Let numSize be ? ToNumber(? Get(obj, "size")); NaN is a TypeError.
    let raw = it.get(obj, &static_key!("size"))?;
    let num = it.to_number(&raw)?;
    if num.is_nan() {
        return Err(it.type_error("The .size property is NaN"));
    }
    // 5-6. Let intSize be ! ToIntegerOrInfinity(numSize); negative is a RangeError.
    let size = crate::value::to_integer_or_infinity(num);
    if size < 0.0 {
        return Err(it.range_error(format!(
            "'{}' is an invalid size",
            crate::value::number_to_string(size)
        )));
    }
    // 7-10. `has` and `keys` must be callable.
    let method_of = |it: &mut Interp, name: &str| -> JsResult<Value> {
        let f = it.get(obj, &PropKey::from(name))?;
        if !it.is_callable(&f) {
            // Sic: V8 names the property, not the value.
            return Err(it.type_error(format!("string \"{name}\" is not a function")));
        }
        Ok(f)
    };
    let has = method_of(it, "has")?;
    let keys = method_of(it, "keys")?;
    Ok(SetRecord {
        obj: obj.clone(),
        size,
        has,
        keys,
    })
}

/// GetIteratorFromMethod(setRec.[[SetObject]], setRec.[[Keys]]) as the Set methods do it
/// (GetKeysIterator): the result must be an object with a callable `next`.
fn get_keys_iterator(
    it: &mut Interp,
    rec: &SetRecord,
) -> JsResult<crate::interp::iter::IteratorRecord> {
    let r = it.call(&rec.keys, &Value::Object(rec.obj.clone()), &[])?;
    let Value::Object(iter) = r else {
        return Err(it.type_error("Result of the keys method is not an object"));
    };
    let next = it.get(&iter, &static_key!("next"))?;
    if !it.is_callable(&next) {
        return Err(it.type_error("string \"next\" is not a function"));
    }
    Ok(crate::interp::iter::IteratorRecord {
        iterator: iter,
        next,
        done: false,
    })
}

/// ToBoolean(? Call(setRec.[[Has]], setRec.[[SetObject]], « e »)).
fn set_record_has(it: &mut Interp, rec: &SetRecord, e: Value) -> JsResult<bool> {
    Ok(it
        .call(&rec.has, &Value::Object(rec.obj.clone()), &[e])?
        .to_boolean())
}

/// SetDataSize(O.[[SetData]]).
fn set_size_of(o: &Obj) -> f64 {
    with_data(o, |m| m.len()).unwrap_or(0) as f64
}

/// SetDataHas(O.[[SetData]], v).
fn set_has_value(o: &Obj, v: &Value) -> bool {
    with_data(o, |m| m.has(v)).unwrap_or(false)
}

/// A copy of O.[[SetData]].
fn copy_set_data(o: &Obj) -> MapData {
    let mut d = MapData::default();
    for k in with_data(o, |m| m.keys()).unwrap_or_default() {
        d.set(k, Value::Undefined);
    }
    d
}

/// A new Set (of %Set.prototype%) holding `data`.
fn new_set_from(it: &Interp, data: MapData) -> Value {
    Value::Object(Obj::new(
        Some(it.intrinsics.set_prototype.clone()),
        ObjectKind::Set(Box::new(data)),
    ))
}

/// Visits O.[[SetData]] by index while `f` may run script code: entries added meanwhile are
/// visited, deleted ones skipped (the spec's "Set thisSize to the number of elements"). `f`
/// returns `Some(r)` to stop with `r`.
fn for_each_set_element<R>(
    it: &mut Interp,
    o: &Obj,
    mut f: impl FnMut(&mut Interp, Value) -> JsResult<Option<R>>,
) -> JsResult<Option<R>> {
    with_data(o, |m| m.pin());
    let mut i = 0;
    let r = loop {
        let Some(Some((pos, e, _))) = with_data(o, |m| m.entry_from(i)) else {
            break Ok(None);
        };
        i = pos + 1;
        match f(it, e) {
            Ok(None) => {}
            other => break other,
        }
    };
    with_data(o, |m| m.unpin());
    r
}

/// `Set.prototype.union(other)`.
fn set_union(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::Set, "union")?;
    // 3. Let otherRec be ? GetSetRecord(other).
    let rec = get_set_record(it, &a.get(0), "union")?;
    // 4. Let keysIter be ? GetIteratorFromMethod(otherRec.[[SetObject]], otherRec.[[Keys]]).
    let mut keys = get_keys_iterator(it, &rec)?;
    // 5. Let resultSetData be a copy of O.[[SetData]].
    let mut result = copy_set_data(&o);
    // 6. Append each value of keysIter (CanonicalizeKeyedCollectionKey) not yet present.
    while let Some(next) = it.iterator_step_value(&mut keys)? {
        if !result.has(&next) {
            result.set(next, Value::Undefined);
        }
    }
    Ok(new_set_from(it, result))
}

/// `Set.prototype.intersection(other)`.
fn set_intersection(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::Set, "intersection")?;
    let rec = get_set_record(it, &a.get(0), "intersection")?;
    let mut result = MapData::default();
    if set_size_of(&o) <= rec.size {
        // 5. Each element e of O.[[SetData]] for which otherRec.[[Has]] answers true.
        for_each_set_element(it, &o, |it, e| {
            if set_record_has(it, &rec, e.clone())? && !result.has(&e) {
                result.set(e, Value::Undefined);
            }
            Ok(None::<()>)
        })?;
    } else {
        // 6. Each value of keysIter that O.[[SetData]] has.
        let mut keys = get_keys_iterator(it, &rec)?;
        while let Some(next) = it.iterator_step_value(&mut keys)? {
            if set_has_value(&o, &next) && !result.has(&next) {
                result.set(next, Value::Undefined);
            }
        }
    }
    Ok(new_set_from(it, result))
}

/// `Set.prototype.difference(other)`.
fn set_difference(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::Set, "difference")?;
    let rec = get_set_record(it, &a.get(0), "difference")?;
    // 4. Let resultSetData be a copy of O.[[SetData]].
    let mut result = copy_set_data(&o);
    if set_size_of(&o) <= rec.size {
        // 5. For each element e of resultSetData (as copied): remove it if other has it.
        for e in result.keys() {
            if set_record_has(it, &rec, e.clone())? {
                result.delete(&e);
            }
        }
    } else {
        // 6. Remove each value of keysIter from resultSetData.
        let mut keys = get_keys_iterator(it, &rec)?;
        while let Some(next) = it.iterator_step_value(&mut keys)? {
            result.delete(&next);
        }
    }
    Ok(new_set_from(it, result))
}

/// `Set.prototype.symmetricDifference(other)`.
fn set_symmetric_difference(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::Set, "symmetricDifference")?;
    let rec = get_set_record(it, &a.get(0), "symmetricDifference")?;
    // 4. Let keysIter be ? GetIteratorFromMethod(...). 5. resultSetData: a copy of O's.
    let mut keys = get_keys_iterator(it, &rec)?;
    let mut result = copy_set_data(&o);
    // 6. A value in O is removed from the result; one not in O is added.
    while let Some(next) = it.iterator_step_value(&mut keys)? {
        if set_has_value(&o, &next) {
            result.delete(&next);
        } else if !result.has(&next) {
            result.set(next, Value::Undefined);
        }
    }
    Ok(new_set_from(it, result))
}

/// `Set.prototype.isSubsetOf(other)`.
fn set_is_subset_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::Set, "isSubsetOf")?;
    let rec = get_set_record(it, &a.get(0), "isSubsetOf")?;
    // 4. If SetDataSize(O.[[SetData]]) > otherRec.[[Size]], return false.
    if set_size_of(&o) > rec.size {
        return Ok(Value::Bool(false));
    }
    // 5-6. false as soon as other lacks an element of O.
    let missing = for_each_set_element(it, &o, |it, e| {
        Ok((!set_record_has(it, &rec, e)?).then_some(()))
    })?;
    Ok(Value::Bool(missing.is_none()))
}

/// `Set.prototype.isSupersetOf(other)`.
fn set_is_superset_of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::Set, "isSupersetOf")?;
    let rec = get_set_record(it, &a.get(0), "isSupersetOf")?;
    // 4. If SetDataSize(O.[[SetData]]) < otherRec.[[Size]], return false.
    if set_size_of(&o) < rec.size {
        return Ok(Value::Bool(false));
    }
    // 5-6. false (closing keysIter) at the first value of other that O lacks.
    let mut keys = get_keys_iterator(it, &rec)?;
    while let Some(next) = it.iterator_step_value(&mut keys)? {
        if !set_has_value(&o, &next) {
            it.iterator_close(&keys, Ok(()))?;
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// `Set.prototype.isDisjointFrom(other)`.
fn set_is_disjoint_from(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::Set, "isDisjointFrom")?;
    let rec = get_set_record(it, &a.get(0), "isDisjointFrom")?;
    if set_size_of(&o) <= rec.size {
        // 4. false as soon as other has an element of O.
        let common = for_each_set_element(it, &o, |it, e| {
            Ok(set_record_has(it, &rec, e)?.then_some(()))
        })?;
        return Ok(Value::Bool(common.is_none()));
    }
    // 5. false (closing keysIter) at the first value of other that O has.
    let mut keys = get_keys_iterator(it, &rec)?;
    while let Some(next) = it.iterator_step_value(&mut keys)? {
        if set_has_value(&o, &next) {
            it.iterator_close(&keys, Ok(()))?;
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

// ---- WeakMap.prototype / WeakSet.prototype ------------------------------------------------------

fn weakmap_delete(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::WeakMap, "delete")?;
    let k = a.get(0);
    if !can_be_held_weakly(&k) {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(
        with_weak_data(&o, |m| m.delete(&k)).unwrap_or(false),
    ))
}

fn weakmap_get(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::WeakMap, "get")?;
    let k = a.get(0);
    if !can_be_held_weakly(&k) {
        return Ok(Value::Undefined);
    }
    Ok(with_weak_data(&o, |m| m.get(&k).cloned())
        .flatten()
        .unwrap_or(Value::Undefined))
}

fn weakmap_has(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::WeakMap, "has")?;
    let k = a.get(0);
    if !can_be_held_weakly(&k) {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(
        with_weak_data(&o, |m| m.has(&k)).unwrap_or(false),
    ))
}

fn weakmap_set(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::WeakMap, "set")?;
    let (k, v) = (a.get(0), a.get(1));
    if !can_be_held_weakly(&k) {
        return Err(it.type_error("Invalid value used as weak map key"));
    }
    with_weak_data(&o, |m| m.set(&k, v));
    Ok(Value::Object(o))
}

fn weakset_add(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::WeakSet, "add")?;
    let k = a.get(0);
    if !can_be_held_weakly(&k) {
        return Err(it.type_error("Invalid value used in weak set"));
    }
    with_weak_data(&o, |m| {
        if !m.has(&k) {
            m.set(&k, Value::Undefined)
        }
    });
    Ok(Value::Object(o))
}

fn weakset_delete(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::WeakSet, "delete")?;
    let k = a.get(0);
    if !can_be_held_weakly(&k) {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(
        with_weak_data(&o, |m| m.delete(&k)).unwrap_or(false),
    ))
}

fn weakset_has(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let o = this_coll(it, a, Coll::WeakSet, "has")?;
    let k = a.get(0);
    if !can_be_held_weakly(&k) {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(
        with_weak_data(&o, |m| m.has(&k)).unwrap_or(false),
    ))
}

// ---- init ---------------------------------------------------------------------------------------

fn make_ctor(it: &mut Interp, name: &str, f: crate::interp::NativeFn, proto: &Obj) -> Obj {
    let ctor = it.native_fn_with(name, 0, f, true, Vec::new());
    crate::builtins::link_ctor_proto(&ctor, proto);
    let tag = PropKey::Sym(it.symbols.to_string_tag.clone());
    proto.define(tag, Value::from(name), Attrs::CONFIGURABLE_ONLY);
    crate::builtins::define_global(it, name, Value::Object(ctor.clone()));
    ctor
}

pub fn init(it: &mut Interp) {
    let species = PropKey::Sym(it.symbols.species.clone());
    let iter_key = PropKey::Sym(it.symbols.iterator.clone());
    let tag = PropKey::Sym(it.symbols.to_string_tag.clone());

    // Map (V8's property order).
    let mp = it.intrinsics.map_prototype.clone();
    let map_ctor = make_ctor(it, "Map", map_constructor, &mp);
    it.define_method(&map_ctor, "groupBy", 2, map_group_by);
    it.define_getter(&map_ctor, species.clone(), species_getter);
    it.define_method(&mp, "get", 1, map_get);
    it.define_method(&mp, "set", 2, map_set);
    it.define_method(&mp, "has", 1, map_has);
    it.define_method(&mp, "delete", 1, map_delete);
    it.define_method(&mp, "clear", 0, map_clear);
    let entries = it.define_method_obj(&mp, "entries", 0, map_entries);
    it.define_method(&mp, "forEach", 1, map_for_each);
    it.define_method(&mp, "keys", 0, map_keys);
    it.define_getter(&mp, "size", map_size);
    it.define_method(&mp, "values", 0, map_values);
    mp.define(iter_key.clone(), Value::Object(entries), Attrs::HIDDEN);

    // Set.
    let sp = it.intrinsics.set_prototype.clone();
    let set_ctor = make_ctor(it, "Set", set_constructor, &sp);
    it.define_getter(&set_ctor, species, species_getter);
    it.define_method(&sp, "has", 1, set_has);
    it.define_method(&sp, "add", 1, set_add);
    it.define_method(&sp, "delete", 1, set_delete);
    it.define_method(&sp, "difference", 1, set_difference);
    it.define_method(&sp, "clear", 0, set_clear);
    it.define_method(&sp, "entries", 0, set_entries);
    it.define_method(&sp, "forEach", 1, set_for_each);
    it.define_method(&sp, "intersection", 1, set_intersection);
    it.define_method(&sp, "isSubsetOf", 1, set_is_subset_of);
    it.define_method(&sp, "isSupersetOf", 1, set_is_superset_of);
    it.define_method(&sp, "isDisjointFrom", 1, set_is_disjoint_from);
    it.define_getter(&sp, "size", set_size);
    it.define_method(&sp, "symmetricDifference", 1, set_symmetric_difference);
    it.define_method(&sp, "union", 1, set_union);
    let values = it.define_method_obj(&sp, "values", 0, set_values);
    sp.define("keys", Value::Object(values.clone()), Attrs::HIDDEN);
    sp.define(iter_key, Value::Object(values), Attrs::HIDDEN);

    // WeakMap.
    let wmp = it.intrinsics.weakmap_prototype.clone();
    make_ctor(it, "WeakMap", weakmap_constructor, &wmp);
    it.define_method(&wmp, "delete", 1, weakmap_delete);
    it.define_method(&wmp, "get", 1, weakmap_get);
    it.define_method(&wmp, "set", 2, weakmap_set);
    it.define_method(&wmp, "has", 1, weakmap_has);

    // WeakSet.
    let wsp = it.intrinsics.weakset_prototype.clone();
    make_ctor(it, "WeakSet", weakset_constructor, &wsp);
    it.define_method(&wsp, "delete", 1, weakset_delete);
    it.define_method(&wsp, "has", 1, weakset_has);
    it.define_method(&wsp, "add", 1, weakset_add);

    // %MapIteratorPrototype% / %SetIteratorPrototype%.
    let mip = it.intrinsics.map_iterator_prototype.clone();
    // Made now, not on first use: for-of steps an iterator whose `next` is this one
    // directly (`OriginalNext`).
    let next = it.define_method_obj(&mip, "next", 0, map_iterator_next);
    it.original_next.map = Some(next);
    mip.define(
        tag.clone(),
        Value::from("Map Iterator"),
        Attrs::CONFIGURABLE_ONLY,
    );
    let sip = it.intrinsics.set_iterator_prototype.clone();
    let next = it.define_method_obj(&sip, "next", 0, set_iterator_next);
    it.original_next.set = Some(next);
    sip.define(tag, Value::from("Set Iterator"), Attrs::CONFIGURABLE_ONLY);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_weak_map(it: &mut Interp) -> Value {
        let Some(Value::Object(c)) = it.global.get_own_data(&PropKey::from("WeakMap")) else {
            panic!("no WeakMap");
        };
        it.construct(&c, &[], None).unwrap()
    }

    fn call(it: &mut Interp, wm: &Value, method: &str, args: &[Value]) -> Value {
        let f = it.get_v(wm, &PropKey::from(method)).unwrap();
        it.call(&f, wm, args).unwrap()
    }

    /// An object `{ owner: key }`: a value that keeps its own key alive by reference.
    fn owner_of(it: &mut Interp, key: &Value) -> Obj {
        let v = it.new_object();
        v.define(static_key!("owner"), key.clone(), Attrs::DEFAULT);
        v
    }

    #[test]
    fn values_live_only_as_long_as_their_keys() {
        let mut it = Interp::new();
        let wm = new_weak_map(&mut it);
        let kept = Value::Object(it.new_object());
        let kept_value = owner_of(&mut it, &kept);
        call(
            &mut it,
            &wm,
            "set",
            &[kept.clone(), Value::Object(kept_value.clone())],
        );
        // A value that refers to its key: a cycle only the ephemeron rule breaks.
        let gone = Value::Object(it.new_object());
        let gone_value = owner_of(&mut it, &gone);
        let gone_weak = gone_value.0.downgrade();
        call(
            &mut it,
            &wm,
            "set",
            &[gone.clone(), Value::Object(gone_value)],
        );
        // A chain: head's value holds the next key, whose value holds the last key.
        let head = Value::Object(it.new_object());
        let middle = Value::Object(it.new_object());
        let last = Value::Object(it.new_object());
        let to_middle = owner_of(&mut it, &middle);
        let to_last = owner_of(&mut it, &last);
        call(
            &mut it,
            &wm,
            "set",
            &[head.clone(), Value::Object(to_middle)],
        );
        call(
            &mut it,
            &wm,
            "set",
            &[middle.clone(), Value::Object(to_last)],
        );
        let last_weak = match &last {
            Value::Object(o) => o.0.downgrade(),
            _ => unreachable!(),
        };
        call(&mut it, &wm, "set", &[last.clone(), Value::from(1.0)]);
        drop((gone, middle, last));
        crate::gc::collect();
        assert!(!gone_weak.is_alive(), "the value of a dead key is freed");
        assert!(
            last_weak.is_alive(),
            "a key reachable through a live key's value stays"
        );
        let got = call(&mut it, &wm, "get", std::slice::from_ref(&kept));
        assert!(matches!(got, Value::Object(o) if Obj::ptr_eq(&o, &kept_value)));
        // Without the head, the whole chain goes.
        drop(head);
        crate::gc::collect();
        assert!(!last_weak.is_alive(), "a chain whose head died is freed");
        let Value::Object(o) = &wm else {
            unreachable!()
        };
        let ObjectKind::WeakMap(m) = &o.borrow().kind else {
            panic!("not a WeakMap");
        };
        assert_eq!(m.entries().len(), 1, "only the kept key's entry is left");
    }

    #[test]
    fn dead_keys_are_swept_on_insertion() {
        let mut it = Interp::new();
        let wm = new_weak_map(&mut it);
        for i in 0..10_000 {
            let k = Value::Object(it.new_object());
            call(&mut it, &wm, "set", &[k, Value::from(f64::from(i))]);
        }
        let Value::Object(o) = &wm else {
            unreachable!()
        };
        let ObjectKind::WeakMap(m) = &o.borrow().kind else {
            panic!("not a WeakMap");
        };
        // Reference counting freed every key: the table never grew past the sweep bound.
        assert!(
            m.entries.len() <= WEAK_SWEEP_MIN,
            "{} entries",
            m.entries.len()
        );
        assert!(m.entries().is_empty());
    }
}
