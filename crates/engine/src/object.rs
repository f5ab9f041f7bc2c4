//! Objects: property storage, property keys and the ordinary internal methods that need no
//! calls into script code (`\[\[GetOwnProperty\]\]`, `\[\[DefineOwnProperty\]\]`, `\[\[Delete\]\]`,
//! `\[\[OwnPropertyKeys\]\]`). `\[\[Get\]\]`/`\[\[Set\]\]` may call accessors, so they live on the
//! interpreter (`interp::object_ops`).
//!
//! Storage is designed for small objects: properties live in a `Vec` searched linearly (keys
//! are interned, so the comparison is usually a pointer compare) until an object grows past
//! [`PropMap::INDEX_THRESHOLD`] properties, when a hash index is added. Integer-keyed
//! properties with default attributes live in a dense `elements` vector (arrays and
//! array-likes), holes marked by [`Value::Empty`].

use std::cell::{Ref, RefCell, RefMut};
use std::rc::Rc;

use crate::gc::{Gc, Trace, Tracer};
use crate::interp::error_stack::CapturedStack;
use crate::string::JsStr;
use crate::value::{Sym, Value};

pub use crate::object_kind::ObjectKind;

/// A property key: an array index, a string, or a symbol. Strings that are canonical array
/// indices are always stored as `Index`.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum PropKey {
    Index(u32),
    Str(JsStr),
    Sym(Sym),
}

impl PropKey {
    /// The key for a string: canonical array indices become `Index`.
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(s: &JsStr) -> PropKey {
        match s.as_array_index() {
            Some(i) => PropKey::Index(i),
            None => PropKey::Str(s.clone()),
        }
    }
    pub fn from_name(s: &str) -> PropKey {
        PropKey::from_str(&JsStr::intern(s))
    }
    /// The key as a JS value (`Object.keys` et al.).
    pub fn to_value(&self) -> Value {
        match self {
            PropKey::Index(i) => Value::String(crate::value::number_to_jsstr(*i as f64)),
            PropKey::Str(s) => Value::String(s.clone()),
            PropKey::Sym(s) => Value::Symbol(s.clone()),
        }
    }
    pub fn to_jsstr(&self) -> JsStr {
        match self {
            PropKey::Index(i) => crate::value::number_to_jsstr(*i as f64),
            PropKey::Str(s) => s.clone(),
            PropKey::Sym(s) => JsStr::from(s.descriptive_string()),
        }
    }
    pub fn is_symbol(&self) -> bool {
        matches!(self, PropKey::Sym(_))
    }
    #[inline]
    fn fast_eq(&self, other: &PropKey) -> bool {
        match (self, other) {
            (PropKey::Str(a), PropKey::Str(b)) => a.same_string(b),
            (PropKey::Index(a), PropKey::Index(b)) => a == b,
            (PropKey::Sym(a), PropKey::Sym(b)) => a == b,
            _ => false,
        }
    }
}

impl From<&str> for PropKey {
    fn from(s: &str) -> PropKey {
        PropKey::from_name(s)
    }
}

/// Property attribute bits.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Attrs(pub u8);

impl Attrs {
    pub const WRITABLE: u8 = 1;
    pub const ENUMERABLE: u8 = 2;
    pub const CONFIGURABLE: u8 = 4;
    /// writable, enumerable, configurable: what assignment creates.
    pub const DEFAULT: Attrs = Attrs(7);
    /// writable, configurable, not enumerable: built-in methods.
    pub const HIDDEN: Attrs = Attrs(5);
    pub const NONE: Attrs = Attrs(0);
    pub const CONFIGURABLE_ONLY: Attrs = Attrs(4);

    #[inline]
    pub fn writable(self) -> bool {
        self.0 & Self::WRITABLE != 0
    }
    #[inline]
    pub fn enumerable(self) -> bool {
        self.0 & Self::ENUMERABLE != 0
    }
    #[inline]
    pub fn configurable(self) -> bool {
        self.0 & Self::CONFIGURABLE != 0
    }
    pub fn new(writable: bool, enumerable: bool, configurable: bool) -> Attrs {
        Attrs(
            ((writable as u8) * Self::WRITABLE)
                | ((enumerable as u8) * Self::ENUMERABLE)
                | ((configurable as u8) * Self::CONFIGURABLE),
        )
    }
}

#[derive(Clone, Debug)]
pub enum Slot {
    Data(Value),
    Accessor {
        get: Option<Obj>,
        set: Option<Obj>,
    },
    /// A data property whose string value (an error's `stack`) is formatted on first read
    /// from the captured frames (`interp/error_stack.rs`). Scripts see a data property: the
    /// interpreter's `\[\[Get\]\]`/`\[\[GetOwnProperty\]\]`/`\[\[DefineOwnProperty\]\]` turn it into
    /// `Data` first; code that reads slots directly must treat it as a data property whose
    /// value it does not have.
    LazyStack(Rc<CapturedStack>),
    /// A built-in global whose value is built on first use (`Intl`: ~60 constructors and
    /// methods a script rarely needs). Scripts see an ordinary data property: the
    /// interpreter's `\[\[Get\]\]` and `\[\[GetOwnProperty\]\]` build the value and store it
    /// as `Data` (with the attributes the property has then, [`crate::interp::Interp::
    /// materialize_lazy`]); redefining keeps the slot lazy unless a value is given; code that
    /// reads slots directly must treat it as a data property whose value it does not have.
    Lazy(LazyValue),
}

/// How a [`Slot::Lazy`] value is made.
#[derive(Clone, Copy)]
pub enum LazyValue {
    /// A builder given the property's key (so that one builder can serve a table of
    /// globals, as the Node host's lazy web globals do).
    Build(fn(&mut crate::interp::Interp, &PropKey) -> Value),
    /// A built-in method (`Array.prototype.map`): a native function named after the key,
    /// with this `length`, made on first use (`Interp::define_method`). Most of a realm's
    /// ~650 built-in functions are never touched by a script, and each costs an object, its
    /// `length`/`name` properties and three allocations to make.
    /// `capture`, when given, is the function's one captured value (a number): built-ins
    /// that share one native function told apart by it (`DataView.prototype.getInt8`, ...,
    /// `Date.prototype.getUTCHours`, ...).
    Method {
        f: crate::interp::NativeFn,
        length: u16,
        capture: Option<u16>,
    },
}

impl LazyValue {
    /// Whether the value, once made, is a function (inspect skips methods without making
    /// them).
    pub fn is_method(&self) -> bool {
        matches!(self, LazyValue::Method { .. })
    }
}

impl std::fmt::Debug for LazyValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LazyValue")
    }
}

#[derive(Clone, Debug)]
pub struct Prop {
    pub slot: Slot,
    pub attrs: Attrs,
}

impl Prop {
    pub fn data(value: Value, attrs: Attrs) -> Prop {
        Prop {
            slot: Slot::Data(value),
            attrs,
        }
    }
    pub fn is_accessor(&self) -> bool {
        matches!(self.slot, Slot::Accessor { .. })
    }
}

/// A property descriptor as `Object.defineProperty` takes it: every field optional.
#[derive(Clone, Debug, Default)]
pub struct PropertyDescriptor {
    pub value: Option<Value>,
    pub writable: Option<bool>,
    pub get: Option<Option<Obj>>,
    pub set: Option<Option<Obj>>,
    pub enumerable: Option<bool>,
    pub configurable: Option<bool>,
}

impl PropertyDescriptor {
    pub fn data(value: Value, attrs: Attrs) -> PropertyDescriptor {
        PropertyDescriptor {
            value: Some(value),
            writable: Some(attrs.writable()),
            get: None,
            set: None,
            enumerable: Some(attrs.enumerable()),
            configurable: Some(attrs.configurable()),
        }
    }
    pub fn is_accessor(&self) -> bool {
        self.get.is_some() || self.set.is_some()
    }
    pub fn is_data(&self) -> bool {
        self.value.is_some() || self.writable.is_some()
    }
    pub fn is_generic(&self) -> bool {
        !self.is_accessor() && !self.is_data()
    }
    /// The descriptor of a property. A lazy `stack` must have been formatted first (the
    /// interpreter's `\[\[GetOwnProperty\]\]` does); if not, its value reads as undefined.
    pub fn from_prop(p: &Prop) -> PropertyDescriptor {
        match &p.slot {
            Slot::Data(v) => PropertyDescriptor::data(v.clone(), p.attrs),
            Slot::LazyStack(_) | Slot::Lazy(_) => {
                PropertyDescriptor::data(Value::Undefined, p.attrs)
            }
            Slot::Accessor { get, set } => PropertyDescriptor {
                value: None,
                writable: None,
                get: Some(get.clone()),
                set: Some(set.clone()),
                enumerable: Some(p.attrs.enumerable()),
                configurable: Some(p.attrs.configurable()),
            },
        }
    }
}

/// Insertion-ordered property map, linear for small objects, hash-indexed for large ones.
///
/// Deleting from an indexed map leaves a hole (`None`) in `entries` instead of shifting the
/// entries after it and rebuilding the index (which made deleting n keys one by one O(n²):
/// 20 000 keys took 5.8 s). The holes are squeezed out, and the index rebuilt, once they
/// outnumber the live entries, so the cost stays amortized O(1) per deletion.
#[derive(Default, Debug)]
pub struct PropMap {
    entries: Vec<Option<(PropKey, Prop)>>,
    index: Option<Box<PropIndex>>,
}

/// The hash index of a large [`PropMap`], the count of `None` holes in its entries (only
/// an indexed map has any; kept here so small objects stay two words smaller) and of its
/// integer keys ([`PropMap::has_index_keys`] without a scan: `Array.prototype` is asked on
/// every `push`).
#[derive(Default, Debug)]
struct PropIndex {
    /// `(position in entries, 32 bits of the key's hash)`: 8 bytes a slot, where a map from
    /// the key (16 bytes, a second reference to it) to the position took 24; the keys are
    /// compared in `entries`, and growing the table rehashes from the stored bits.
    positions: jsgen_syntax::hashbrown::HashTable<(u32, u32)>,
    holes: usize,
    index_keys: usize,
}

impl PropIndex {
    fn add(&mut self, key: &PropKey, i: usize) {
        let h = key_hash(key);
        self.positions
            .insert_unique(slot_hash(h), (i as u32, h), |&(_, h)| slot_hash(h));
    }
}

/// The 32 bits of a key's hash a [`PropIndex`] keeps (the high half of FxHash's result,
/// its better-mixed bits).
#[inline]
fn key_hash(key: &PropKey) -> u32 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    key.hash(&mut h);
    (h.finish() >> 32) as u32
}

/// The table's 64-bit hash of the kept bits (hashbrown takes the bucket from the low bits
/// and the control byte from the top 7).
#[inline]
fn slot_hash(h: u32) -> u64 {
    (u64::from(h) << 32) | u64::from(h)
}

thread_local! {
    /// Has any property map on this thread ever held an integer key? (Integer keys live in
    /// `elements` unless they are sparse or have other attributes, so usually not: then
    /// [`PropMap::has_index_keys`] is false with no search.)
    static INDEX_KEYS_MADE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Notes that an integer key enters a property map.
#[cold]
fn index_key_made() {
    INDEX_KEYS_MADE.with(|m| m.set(true));
}

impl PropMap {
    pub const INDEX_THRESHOLD: usize = 16;

    /// The position of `key` in `entries` (positions stay valid until the next deletion).
    #[inline]
    pub fn find(&self, key: &PropKey) -> Option<usize> {
        if let Some(ix) = &self.index {
            return self.find_indexed(ix, key);
        }
        self.entries
            .iter()
            .position(|e| matches!(e, Some((k, _)) if k.fast_eq(key)))
    }
    fn find_indexed(&self, ix: &PropIndex, key: &PropKey) -> Option<usize> {
        let h = key_hash(key);
        ix.positions
            .find(slot_hash(h), |&(i, eh)| {
                eh == h && self.key_at(i as usize).is_some_and(|k| k.fast_eq(key))
            })
            .map(|&(i, _)| i as usize)
    }
    #[inline]
    fn key_at(&self, i: usize) -> Option<&PropKey> {
        self.entries.get(i).and_then(|e| e.as_ref()).map(|(k, _)| k)
    }
    /// The entry at position `i` of the insertion order (`None` for a deleted one).
    #[inline]
    pub fn entry_at(&self, i: usize) -> Option<&(PropKey, Prop)> {
        self.entries.get(i).and_then(|e| e.as_ref())
    }
    #[inline]
    fn prop_at(&self, i: usize) -> Option<&Prop> {
        self.entries.get(i).and_then(|e| e.as_ref()).map(|(_, p)| p)
    }
    #[inline]
    pub fn get(&self, key: &PropKey) -> Option<&Prop> {
        self.find(key).and_then(|i| self.prop_at(i))
    }
    /// [`PropMap::get`] that first tries the position `hint` remembers (and remembers the
    /// position it finds): the engine's own checks of one built-in's property (is
    /// `%Promise.prototype%.then` still the original?) make no search while the key stays
    /// where it was.
    #[inline]
    pub fn get_hinted(&self, key: &PropKey, hint: &std::cell::Cell<u32>) -> Option<&Prop> {
        if let Some((k, p)) = self.entry_at(hint.get() as usize) {
            // Interned names and symbols: the same key is the same allocation.
            let same = match (k, key) {
                (PropKey::Str(a), PropKey::Str(b)) => JsStr::ptr_eq(a, b),
                (PropKey::Sym(a), PropKey::Sym(b)) => a == b,
                _ => false,
            };
            if same {
                return Some(p);
            }
        }
        self.get_hinted_slow(key, hint)
    }
    /// The value of the data property at position `hint` if its key is `key` (the same
    /// interned name or symbol): no search. See `ExprKind::Member`'s `hint`.
    #[inline]
    pub fn data_at_hint(&self, key: &PropKey, hint: u32) -> Option<&Value> {
        match self.entry_at(hint as usize)? {
            (
                PropKey::Str(k),
                Prop {
                    slot: Slot::Data(v),
                    ..
                },
            ) if matches!(key, PropKey::Str(name) if JsStr::ptr_eq(k, name)) => Some(v),
            _ => None,
        }
    }
    /// The position hint to remember for `key`: where it is now, or `u32::MAX` when it is
    /// absent (see `ExprKind::Member`'s `hint`).
    pub fn position_hint(&self, key: &PropKey) -> u32 {
        self.find(key)
            .and_then(|i| u32::try_from(i).ok())
            .unwrap_or(u32::MAX)
    }
    /// [`PropMap::data_at_hint`] for a write: the value of a *writable* data property.
    #[inline]
    pub fn writable_data_at_hint(&mut self, key: &PropKey, hint: u32) -> Option<&mut Value> {
        match self.entries.get_mut(hint as usize)?.as_mut()? {
            (
                PropKey::Str(k),
                Prop {
                    slot: Slot::Data(v),
                    attrs,
                },
            ) if attrs.writable()
                && matches!(key, PropKey::Str(name) if JsStr::ptr_eq(k, name)) =>
            {
                Some(v)
            }
            _ => None,
        }
    }
    /// [`PropMap::get_hinted`] when the hint missed: search, and remember the position.
    #[inline(never)]
    fn get_hinted_slow(&self, key: &PropKey, hint: &std::cell::Cell<u32>) -> Option<&Prop> {
        let i = self.find(key)?;
        hint.set(u32::try_from(i).unwrap_or(u32::MAX));
        self.prop_at(i)
    }
    #[inline]
    pub fn get_mut(&mut self, key: &PropKey) -> Option<&mut Prop> {
        let i = self.find(key)?;
        self.entries
            .get_mut(i)
            .and_then(|e| e.as_mut())
            .map(|(_, p)| p)
    }
    /// Appends a property the caller knows is absent (the own properties a new object is
    /// made with, in their fixed order): [`PropMap::insert`] without the search for an
    /// existing key (issue #12: six searches per function object made).
    pub fn push_new(&mut self, key: PropKey, prop: Prop) {
        debug_assert!(self.find(&key).is_none(), "push_new of a present key");
        if matches!(key, PropKey::Index(_)) {
            index_key_made();
        }
        if let Some(ix) = &mut self.index {
            ix.index_keys += usize::from(matches!(key, PropKey::Index(_)));
            ix.add(&key, self.entries.len());
        }
        self.entries.push(Some((key, prop)));
        if self.index.is_none() && self.entries.len() > Self::INDEX_THRESHOLD {
            self.rebuild_index();
        }
    }
    pub fn insert(&mut self, key: PropKey, prop: Prop) {
        if let Some(i) = self.find(&key) {
            if let Some(Some((_, p))) = self.entries.get_mut(i) {
                *p = prop;
                return;
            }
        }
        if matches!(key, PropKey::Index(_)) {
            index_key_made();
        }
        if let Some(ix) = &mut self.index {
            ix.index_keys += usize::from(matches!(key, PropKey::Index(_)));
            ix.add(&key, self.entries.len());
        }
        self.entries.push(Some((key, prop)));
        if self.index.is_none() && self.entries.len() > Self::INDEX_THRESHOLD {
            self.rebuild_index();
        }
    }
    pub fn remove(&mut self, key: &PropKey) -> Option<Prop> {
        let i = self.find(key)?;
        match &mut self.index {
            None => self.entries.remove(i).map(|(_, p)| p),
            Some(ix) => {
                let h = key_hash(key);
                if let Ok(e) = ix
                    .positions
                    .find_entry(slot_hash(h), |&(j, eh)| eh == h && j as usize == i)
                {
                    e.remove();
                }
                ix.index_keys -= usize::from(matches!(key, PropKey::Index(_)));
                let (_, p) = self.entries.get_mut(i)?.take()?;
                ix.holes += 1;
                if ix.holes * 2 > self.entries.len() {
                    self.entries.retain(Option::is_some);
                    self.rebuild_index();
                }
                Some(p)
            }
        }
    }
    fn rebuild_index(&mut self) {
        let mut ix = PropIndex {
            positions: jsgen_syntax::hashbrown::HashTable::with_capacity(self.entries.len()),
            holes: 0,
            index_keys: 0,
        };
        for (i, e) in self.entries.iter().enumerate() {
            if let Some((k, _)) = e {
                ix.index_keys += usize::from(matches!(k, PropKey::Index(_)));
                ix.add(k, i);
            }
        }
        self.index = Some(Box::new(ix));
    }
    /// Makes room for `n` more properties: exactly `n` in an empty map (a `Vec`'s first
    /// growth would round up to four entries, 192 bytes, past glibc's fast bins), so a
    /// function with its `length` and `name` takes 96.
    pub fn reserve(&mut self, n: usize) {
        if self.entries.capacity() == 0 {
            self.entries.reserve_exact(n);
        } else {
            self.entries.reserve(n);
        }
    }
    pub fn iter(&self) -> impl Iterator<Item = &(PropKey, Prop)> {
        self.entries.iter().filter_map(|e| e.as_ref())
    }
    /// The properties, mutably (their keys stay as they are).
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&PropKey, &mut Prop)> {
        self.entries
            .iter_mut()
            .filter_map(|e| e.as_mut())
            .map(|(k, p)| (&*k, p))
    }
    /// Has the map an integer key (an array index)? No while no map on the thread ever had
    /// one; else counted in a large map, searched in a small one.
    #[inline]
    pub fn has_index_keys(&self) -> bool {
        if !INDEX_KEYS_MADE.with(|m| m.get()) {
            return false;
        }
        match &self.index {
            Some(ix) => ix.index_keys > 0,
            None => self.iter().any(|(k, _)| matches!(k, PropKey::Index(_))),
        }
    }
    pub fn len(&self) -> usize {
        self.entries.len() - self.index.as_ref().map_or(0, |ix| ix.holes)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index = None;
    }
}

#[cfg(test)]
mod prop_map_tests {
    use super::*;

    fn key(i: usize) -> PropKey {
        PropKey::Str(JsStr::from(format!("k{i}").as_str()))
    }

    #[test]
    fn deletion_keeps_order_and_lookups() {
        let mut m = PropMap::default();
        for i in 0..100 {
            m.insert(key(i), Prop::data(Value::Number(i as f64), Attrs::DEFAULT));
        }
        for i in (0..100).filter(|i| i % 3 != 0) {
            assert!(m.remove(&key(i)).is_some());
            assert!(m.remove(&key(i)).is_none());
        }
        assert_eq!(m.len(), 34);
        m.insert(key(1), Prop::data(Value::Number(-1.0), Attrs::DEFAULT));
        let order: Vec<PropKey> = m.iter().map(|(k, _)| k.clone()).collect();
        let mut want: Vec<PropKey> = (0..100).filter(|i| i % 3 == 0).map(key).collect();
        want.push(key(1));
        assert_eq!(order, want);
        for i in 0..100 {
            assert_eq!(m.get(&key(i)).is_some(), i % 3 == 0 || i == 1, "key {i}");
            if let Some(pos) = m.find(&key(i)) {
                assert_eq!(m.entry_at(pos).map(|(k, _)| k.clone()), Some(key(i)));
            }
        }
        loop {
            let first = m.iter().next().map(|(k, _)| k.clone());
            let Some(k) = first else { break };
            m.remove(&k);
        }
        assert!(m.is_empty());
    }

    #[test]
    fn index_keys_are_counted_in_large_maps_and_found_in_small_ones() {
        let data = || Prop::data(Value::Number(0.0), Attrs::DEFAULT);
        let mut small = PropMap::default();
        small.insert(key(0), data());
        small.insert(PropKey::Index(7), data());
        assert!(small.has_index_keys());
        small.remove(&PropKey::Index(7));
        assert!(!small.has_index_keys());
        let mut large = PropMap::default();
        for i in 0..40 {
            large.insert(key(i), data());
        }
        assert!(!large.has_index_keys());
        large.insert(PropKey::Index(3), data());
        large.push_new(PropKey::Index(4), data());
        assert!(large.has_index_keys());
        large.remove(&PropKey::Index(3));
        assert!(large.has_index_keys());
        // Enough deletions to squeeze the holes out and rebuild the index.
        for i in 0..30 {
            large.remove(&key(i));
        }
        assert!(large.has_index_keys());
        large.remove(&PropKey::Index(4));
        assert!(!large.has_index_keys());
    }

    #[test]
    fn hinted_lookup_follows_a_moved_key() {
        let mut m = PropMap::default();
        for i in 0..4 {
            m.insert(key(i), Prop::data(Value::Number(i as f64), Attrs::DEFAULT));
        }
        let hint = std::cell::Cell::new(0);
        let number = |p: Option<&Prop>| match p {
            Some(Prop {
                slot: Slot::Data(Value::Number(n)),
                ..
            }) => Some(*n),
            _ => None,
        };
        assert_eq!(number(m.get_hinted(&key(2), &hint)), Some(2.0));
        assert_eq!(hint.get(), 2);
        assert_eq!(number(m.get_hinted(&key(2), &hint)), Some(2.0));
        // Deleted and added again: found at its new position, which the hint then holds.
        m.remove(&key(2));
        assert_eq!(number(m.get_hinted(&key(2), &hint)), None);
        m.insert(key(2), Prop::data(Value::Number(-2.0), Attrs::DEFAULT));
        assert_eq!(number(m.get_hinted(&key(2), &hint)), Some(-2.0));
        assert_eq!(hint.get(), 3);
        // A hint past the end or at another key is only a hint.
        hint.set(99);
        assert_eq!(number(m.get_hinted(&key(0), &hint)), Some(0.0));
        assert_eq!(number(m.get_hinted(&key(5), &hint)), None);
    }
}

/// The contents of an object cell.
#[derive(Debug)]
pub struct ObjectData {
    pub proto: Option<Obj>,
    pub extensible: bool,
    pub kind: ObjectKind,
    pub props: PropMap,
    /// Dense integer-keyed properties with default attributes (`Value::Empty` = hole).
    pub elements: Vec<Value>,
}

impl ObjectData {
    pub fn new(proto: Option<Obj>, kind: ObjectKind) -> ObjectData {
        ObjectData {
            proto,
            extensible: true,
            kind,
            props: PropMap::default(),
            elements: Vec::new(),
        }
    }
}

/// Largest gap of holes we are willing to materialize in `elements` on an out-of-range write.
const MAX_HOLE_FILL: usize = 1024;

/// A reference to an object.
#[derive(Clone, Debug)]
pub struct Obj(pub Gc<RefCell<ObjectData>>);

impl Trace for RefCell<ObjectData> {
    fn trace(&self, t: &mut Tracer) {
        let Ok(d) = self.try_borrow() else {
            return;
        };
        if let Some(p) = &d.proto {
            t.edge(&p.0);
        }
        for (k, p) in d.props.iter() {
            let _ = k;
            match &p.slot {
                Slot::Data(v) => trace_value(v, t),
                Slot::LazyStack(_) | Slot::Lazy(_) => {}
                Slot::Accessor { get, set } => {
                    if let Some(g) = get {
                        t.edge(&g.0);
                    }
                    if let Some(s) = set {
                        t.edge(&s.0);
                    }
                }
            }
        }
        for v in &d.elements {
            trace_value(v, t);
        }
        d.kind.trace(t);
    }
    fn clear(&self) {
        if let Ok(mut d) = self.try_borrow_mut() {
            d.proto = None;
            d.props.clear();
            d.elements.clear();
            let kind = std::mem::replace(&mut d.kind, ObjectKind::Ordinary);
            drop(d);
            drop(kind);
        }
    }
}

#[inline]
pub fn trace_value(v: &Value, t: &mut Tracer) {
    if let Value::Object(o) = v {
        t.edge(&o.0);
    }
}

impl Obj {
    pub fn new(proto: Option<Obj>, kind: ObjectKind) -> Obj {
        Obj(Gc::new(RefCell::new(ObjectData::new(proto, kind))))
    }
    pub fn from_data(data: ObjectData) -> Obj {
        Obj(Gc::new(RefCell::new(data)))
    }
    #[inline]
    pub fn ptr_eq(a: &Obj, b: &Obj) -> bool {
        Gc::ptr_eq(&a.0, &b.0)
    }
    #[inline]
    pub fn addr(&self) -> usize {
        self.0.addr()
    }
    #[inline]
    pub fn borrow(&self) -> Ref<'_, ObjectData> {
        self.0.borrow()
    }
    #[inline]
    pub fn borrow_mut(&self) -> RefMut<'_, ObjectData> {
        self.0.borrow_mut()
    }
    pub fn proto(&self) -> Option<Obj> {
        self.borrow().proto.clone()
    }
    pub fn is_callable(&self) -> bool {
        self.borrow().kind.is_callable()
    }
    pub fn is_constructor(&self) -> bool {
        self.borrow().kind.is_constructor()
    }
    pub fn is_array(&self) -> bool {
        matches!(self.borrow().kind, ObjectKind::Array { .. })
    }
    #[inline]
    pub fn is_proxy(&self) -> bool {
        self.borrow().kind.is_proxy()
    }

    /// OrdinaryGetOwnProperty (plus exotic own properties that need no calls: array `length`,
    /// string indices).
    pub fn get_own_property(&self, key: &PropKey) -> Option<Prop> {
        let d = self.borrow();
        if let PropKey::Index(i) = key {
            if let Some(v) = d.elements.get(*i as usize) {
                if !matches!(v, Value::Empty) {
                    return Some(Prop::data(v.clone(), Attrs::DEFAULT));
                }
            }
        }
        if let Some(p) = d.props.get(key) {
            return Some(p.clone());
        }
        d.kind.exotic_own_property(key)
    }

    /// Fast path of `\[\[Get\]\]` for own data properties: `Some(value)` if `key` is an own data
    /// property, `None` if absent or an accessor (the caller then takes the general path).
    #[inline]
    pub fn get_own_data(&self, key: &PropKey) -> Option<Value> {
        let d = self.borrow();
        if let PropKey::Index(i) = key {
            if let Some(v) = d.elements.get(*i as usize) {
                if !matches!(v, Value::Empty) {
                    return Some(v.clone());
                }
            }
        }
        match d.props.get(key) {
            Some(Prop {
                slot: Slot::Data(v),
                ..
            }) => Some(v.clone()),
            _ => None,
        }
    }

    /// The own data property named `name` (an identifier, so never an array index), using
    /// and updating `hint`, the index where it was found last time: global variable reads
    /// skip the hash lookup while the global object keeps its layout.
    pub fn get_own_named_data_hinted(
        &self,
        name: &JsStr,
        hint: &std::cell::Cell<u32>,
    ) -> Option<Value> {
        let d = self.borrow();
        let at = |i: usize| match d.props.entry_at(i) {
            Some((
                PropKey::Str(k),
                Prop {
                    slot: Slot::Data(v),
                    ..
                },
            )) if JsStr::ptr_eq(k, name) => Some(v.clone()),
            _ => None,
        };
        if let Some(v) = at(hint.get() as usize) {
            return Some(v);
        }
        let i = d.props.find(&PropKey::Str(name.clone()))?;
        hint.set(i as u32);
        at(i).or_else(|| match d.props.entry_at(i) {
            Some((
                _,
                Prop {
                    slot: Slot::Data(v),
                    ..
                },
            )) => Some(v.clone()),
            _ => None,
        })
    }

    /// Defines (or overwrites) a property without any validation: for building built-ins and
    /// fresh objects whose keys cannot collide with non-configurable properties.
    pub fn define(&self, key: impl Into<PropKey>, value: Value, attrs: Attrs) {
        let key = key.into();
        let mut d = self.borrow_mut();
        if let PropKey::Index(i) = key {
            if attrs == Attrs::DEFAULT && d.props.get(&key).is_none() {
                let i = i as usize;
                if i < d.elements.len() {
                    d.elements[i] = value;
                    return;
                }
                if i == d.elements.len() && d.kind.elements_may_grow() {
                    d.elements.push(value);
                    d.kind.note_index_written(i as u32);
                    return;
                }
            }
            if (i as usize) < d.elements.len() {
                d.elements[i as usize] = Value::Empty;
            }
            d.kind.note_index_written(i);
        }
        d.props.insert(key, Prop::data(value, attrs));
    }

    pub fn define_accessor(
        &self,
        key: impl Into<PropKey>,
        get: Option<Obj>,
        set: Option<Obj>,
        attrs: Attrs,
    ) {
        self.insert_slot(key.into(), Slot::Accessor { get, set }, attrs);
    }

    /// Stores a non-data property: `key` leaves the dense elements (as a hole) and lives in
    /// the property map.
    fn insert_slot(&self, key: PropKey, slot: Slot, attrs: Attrs) {
        let mut d = self.borrow_mut();
        if let PropKey::Index(i) = key {
            if (i as usize) < d.elements.len() {
                d.elements[i as usize] = Value::Empty;
            }
            d.kind.note_index_written(i);
        }
        d.props.insert(key, Prop { slot, attrs });
    }

    /// Writes an existing writable own data property or creates a new default one, when the
    /// caller has already checked that this is what `\[\[Set\]\]` would do.
    pub fn set_own_data_unchecked(&self, key: PropKey, value: Value) {
        {
            let mut d = self.borrow_mut();
            if let PropKey::Index(i) = key {
                let i = i as usize;
                if i < d.elements.len() {
                    d.elements[i] = value;
                    return;
                }
            }
            if let Some(p) = d.props.get_mut(&key) {
                p.slot = Slot::Data(value);
                return;
            }
        }
        self.create_data_property_fresh(key, value);
    }

    /// Adds a new default (writable/enumerable/configurable) data property that does not exist
    /// yet, preferring dense element storage for indices.
    pub fn create_data_property_fresh(&self, key: PropKey, value: Value) {
        let mut d = self.borrow_mut();
        if let PropKey::Index(i) = key {
            let i = i as usize;
            let len = d.elements.len();
            if d.kind.elements_may_grow()
                && i >= len
                && i - len <= MAX_HOLE_FILL
                && d.props_have_no_index_at_or_after(len)
            {
                d.elements.resize(i, Value::Empty);
                d.elements.push(value);
                d.kind.note_index_written(i as u32);
                return;
            }
            if i < len {
                d.elements[i] = value;
                return;
            }
            d.kind.note_index_written(i as u32);
        }
        d.props.insert(key, Prop::data(value, Attrs::DEFAULT));
    }

    /// ValidateAndApplyPropertyDescriptor for an ordinary object (arrays' `length` and index
    /// handling is in `array_define_own_property`). Returns false where the spec returns false.
    pub fn ordinary_define_own_property(&self, key: PropKey, desc: PropertyDescriptor) -> bool {
        let current = self.get_own_property(&key);
        let extensible = self.borrow().extensible;
        if !validate_property_descriptor(extensible, &desc, current.as_ref()) {
            return false;
        }
        let Some(current) = current else {
            let attrs = Attrs::new(
                desc.writable.unwrap_or(false),
                desc.enumerable.unwrap_or(false),
                desc.configurable.unwrap_or(false),
            );
            if desc.is_accessor() {
                self.define_accessor(
                    key,
                    desc.get.clone().flatten(),
                    desc.set.clone().flatten(),
                    attrs,
                );
            } else {
                self.define(key, desc.value.clone().unwrap_or(Value::Undefined), attrs);
            }
            return true;
        };
        // Apply.
        let enumerable = desc.enumerable.unwrap_or(current.attrs.enumerable());
        let configurable = desc.configurable.unwrap_or(current.attrs.configurable());
        let new_prop = if desc.is_accessor() {
            let (og, os) = match &current.slot {
                Slot::Accessor { get, set } => (get.clone(), set.clone()),
                Slot::Data(_) | Slot::LazyStack(_) | Slot::Lazy(_) => (None, None),
            };
            Prop {
                slot: Slot::Accessor {
                    get: desc.get.clone().unwrap_or(og),
                    set: desc.set.clone().unwrap_or(os),
                },
                attrs: Attrs::new(false, enumerable, configurable),
            }
        } else if desc.is_data() || !current.is_accessor() {
            let ow = match &current.slot {
                Slot::Data(_) | Slot::LazyStack(_) | Slot::Lazy(_) => current.attrs.writable(),
                Slot::Accessor { .. } => false,
            };
            let slot = match (&desc.value, &current.slot) {
                (Some(v), _) => Slot::Data(v.clone()),
                (None, Slot::Data(v)) => Slot::Data(v.clone()),
                // Attributes changed, value kept (still to be formatted).
                (None, Slot::LazyStack(c)) => Slot::LazyStack(c.clone()),
                (None, Slot::Lazy(l)) => Slot::Lazy(*l),
                (None, Slot::Accessor { .. }) => Slot::Data(Value::Undefined),
            };
            Prop {
                slot,
                attrs: Attrs::new(desc.writable.unwrap_or(ow), enumerable, configurable),
            }
        } else {
            Prop {
                slot: current.slot.clone(),
                attrs: Attrs::new(false, enumerable, configurable),
            }
        };
        self.put_prop(key, new_prop);
        true
    }

    /// Stores a fully formed property, keeping dense elements only for default data props.
    pub fn put_prop(&self, key: PropKey, prop: Prop) {
        match prop.slot {
            Slot::Data(v) => self.define(key, v, prop.attrs),
            Slot::Accessor { get, set } => self.define_accessor(key, get, set, prop.attrs),
            slot @ (Slot::LazyStack(_) | Slot::Lazy(_)) => self.insert_slot(key, slot, prop.attrs),
        }
    }

    /// OrdinaryDelete (and the TypedArray `[[Delete]]`: an element can be deleted only when
    /// its index is not valid).
    pub fn delete(&self, key: &PropKey) -> bool {
        let mut d = self.borrow_mut();
        if let ObjectKind::TypedArray(ta) = &d.kind {
            if let Some(index) = crate::builtins::typed_array::canonical_numeric_index(key) {
                return !ta.is_valid_integer_index(index);
            }
        }
        if let PropKey::Index(i) = key {
            let i = *i as usize;
            if i < d.elements.len() && !matches!(d.elements[i], Value::Empty) {
                if i + 1 == d.elements.len() && !d.kind.is_array() {
                    d.elements.pop();
                } else {
                    d.elements[i] = Value::Empty;
                }
                return true;
            }
        }
        match d.props.get(key) {
            None => !d.kind.has_exotic_nonconfigurable(key),
            Some(p) if p.attrs.configurable() => {
                d.props.remove(key);
                true
            }
            Some(_) => false,
        }
    }

    /// OrdinaryOwnPropertyKeys: integer indices ascending, then strings in insertion order,
    /// then symbols in insertion order.
    pub fn own_keys(&self) -> Vec<PropKey> {
        let d = self.borrow();
        let mut indices: Vec<u32> = Vec::new();
        indices.extend(
            d.elements
                .iter()
                .enumerate()
                .filter(|(_, v)| !matches!(v, Value::Empty))
                .map(|(i, _)| i as u32),
        );
        d.kind.exotic_index_keys(&mut indices);
        let mut has_sparse = false;
        for (k, _) in d.props.iter() {
            if let PropKey::Index(i) = k {
                indices.push(*i);
                has_sparse = true;
            }
        }
        if has_sparse {
            indices.sort_unstable();
            indices.dedup();
        }
        let mut keys: Vec<PropKey> = indices.into_iter().map(PropKey::Index).collect();
        d.kind.exotic_string_keys(&mut keys);
        for (k, _) in d.props.iter() {
            if let PropKey::Str(_) = k {
                keys.push(k.clone());
            }
        }
        for (k, _) in d.props.iter() {
            if let PropKey::Sym(_) = k {
                keys.push(k.clone());
            }
        }
        keys
    }
}

impl ObjectData {
    fn props_have_no_index_at_or_after(&self, start: usize) -> bool {
        !self
            .props
            .iter()
            .any(|(k, _)| matches!(k, PropKey::Index(i) if *i as usize >= start))
    }
}

/// The validation half of ValidateAndApplyPropertyDescriptor (steps 2-5): may `desc` be
/// applied to a property currently described by `current` (absent: `None`) on an object
/// whose extensibility is `extensible`? With `O` undefined this is
/// IsCompatiblePropertyDescriptor, which proxies use for their invariant checks.
pub fn validate_property_descriptor(
    extensible: bool,
    desc: &PropertyDescriptor,
    current: Option<&Prop>,
) -> bool {
    let Some(current) = current else {
        return extensible;
    };
    if !current.attrs.configurable() {
        if desc.configurable == Some(true) {
            return false;
        }
        if let Some(e) = desc.enumerable {
            if e != current.attrs.enumerable() {
                return false;
            }
        }
        if !desc.is_generic() && desc.is_accessor() != current.is_accessor() {
            return false;
        }
        match &current.slot {
            Slot::Accessor { get, set } => {
                if let Some(g) = &desc.get {
                    if !opt_obj_eq(g, get) {
                        return false;
                    }
                }
                if let Some(s) = &desc.set {
                    if !opt_obj_eq(s, set) {
                        return false;
                    }
                }
            }
            Slot::Data(v) => {
                if !current.attrs.writable() {
                    if desc.writable == Some(true) {
                        return false;
                    }
                    if let Some(nv) = &desc.value {
                        if !nv.same_value(v) {
                            return false;
                        }
                    }
                }
            }
            // A lazy `stack` is writable until formatted (freezing formats it first).
            Slot::LazyStack(_) | Slot::Lazy(_) => {
                if !current.attrs.writable()
                    && (desc.writable == Some(true) || desc.value.is_some())
                {
                    return false;
                }
            }
        }
    }
    true
}

fn opt_obj_eq(a: &Option<Obj>, b: &Option<Obj>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => Obj::ptr_eq(x, y),
        _ => false,
    }
}

// A lazy method's slot is no larger than a data property's (every property holds a `Slot`).
const _: () = assert!(std::mem::size_of::<Slot>() == 24);
