//! Property storage: an object's own properties as a [`Shape`] — the keys and their
//! attributes, in insertion order — and a vector of slots holding the values, the shape
//! shared by every object that got the same keys with the same attributes in the same order
//! (a hidden class, as V8's maps and QuickJS's shapes).
//!
//! Why: a map that kept each key and its attributes beside its value took 48 bytes a
//! property; Node's `Timeout` objects have 13 own properties and a function has two, so
//! 20 000 timers took twice QuickJS's memory (issue #17). With shared shapes an object keeps
//! 16 bytes a property (its [`Slot`]) and one pointer to its shape.
//!
//! A map is in one of two modes:
//! - *shared*: its shape is a node of a transition tree whose root is the thread's empty
//!   shape. Adding a property follows the transition for that key and attributes, or makes
//!   it; objects built the same way end up holding the same `Rc<Shape>`. A shape holds its
//!   children strongly (a layout stays known while no object has it: short-lived objects,
//!   freed one by one by their reference counts, would otherwise remake their shapes every
//!   time) and its parent weakly; a list of transitions that grows past 32 drops the
//!   children only it holds, so a program that gives objects ever new keys does not keep
//!   a shape for each.
//! - *own* (V8's dictionary mode): after a deletion (other than of the last property added,
//!   which steps back to the parent shape), an attribute change, a property of the kind
//!   built-in objects are made of (see `shareable`), or past
//!   [`PropMap::INDEX_THRESHOLD`] properties, the map copies the keys into a shape only it
//!   holds and edits it in place. An own shape past the threshold has a hash index.
//!
//! Keys are searched linearly (they are interned, so the comparison is usually a pointer
//! compare) until the hash index exists.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::object::{Attrs, Obj, Prop, PropKey, Slot};
use crate::string::JsStr;
use crate::value::Value;

/// An own property's key and attributes (`None`: a deleted one's place in an indexed map).
type KeyEntry = Option<(PropKey, Attrs)>;

/// The keys and attributes of an object's properties, in insertion order.
#[derive(Debug)]
struct Shape {
    keys: Vec<KeyEntry>,
    kind: ShapeKind,
}

/// The next own shape's stamp (see `ShapeKind::Own`): unique in the process.
#[inline]
fn next_stamp() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

#[derive(Debug)]
enum ShapeKind {
    /// A node of the thread's transition tree: never edited once made.
    Shared {
        /// The shape without the last key (`None` for the root).
        parent: Option<Weak<Shape>>,
        /// The shapes one more property leads to (see the module docs).
        transitions: RefCell<Vec<Transition>>,
        /// The positions in `transitions` of the two taken last (the latest first), tried
        /// before a search: objects made by one constructor take the same transitions over
        /// and over, and the root's list holds every first key the program's objects were
        /// given (a loop that makes a regular expression and a match array alternates two).
        last_taken: Cell<[u32; 2]>,
    },
    /// Held by one map only, which edits it in place.
    Own {
        index: Option<Box<PropIndex>>,
        /// A number no other own shape, and no earlier state of this one, ever had: given
        /// when the shape is made and again on every edit (in [`PropMap::own_shape`]). See
        /// [`PropMap::own_stamp`].
        stamp: u64,
    },
}

#[derive(Debug)]
struct Transition {
    key: PropKey,
    attrs: Attrs,
    to: Rc<Shape>,
}

impl Shape {
    fn root() -> Shape {
        Shape {
            keys: Vec::new(),
            kind: ShapeKind::Shared {
                parent: None,
                transitions: RefCell::new(Vec::new()),
                last_taken: Cell::new([0, 0]),
            },
        }
    }
    fn is_own(&self) -> bool {
        matches!(self.kind, ShapeKind::Own { .. })
    }
    fn index(&self) -> Option<&PropIndex> {
        match &self.kind {
            ShapeKind::Own {
                index: Some(ix), ..
            } => Some(ix),
            _ => None,
        }
    }
}

thread_local! {
    /// The empty shape: the root of this thread's transition tree.
    static ROOT: Rc<Shape> = Rc::new(Shape::root());
}

/// The shape `parent` (`None`: the root) leads to with one more property `key` with
/// `attrs`: the one made before if an object still has it, else a new one.
fn transition(parent: Option<&Rc<Shape>>, key: &PropKey, attrs: Attrs) -> Rc<Shape> {
    match parent {
        Some(p) => transition_from(p, key, attrs),
        None => ROOT.with(|root| transition_from(root, key, attrs)),
    }
}

#[inline]
fn transition_from(parent: &Rc<Shape>, key: &PropKey, attrs: Attrs) -> Rc<Shape> {
    if let ShapeKind::Shared {
        transitions,
        last_taken,
        ..
    } = &parent.kind
    {
        let list = transitions.borrow();
        for i in last_taken.get() {
            if let Some(t) = list.get(i as usize) {
                if t.attrs == attrs && t.key.fast_eq(key) {
                    return t.to.clone();
                }
            }
        }
    }
    transition_slow(parent, key, attrs)
}

/// [`transition_from`] when the last transition taken is not this one: search the list,
/// or make the shape.
#[inline(never)]
fn transition_slow(parent: &Rc<Shape>, key: &PropKey, attrs: Attrs) -> Rc<Shape> {
    let ShapeKind::Shared {
        transitions,
        last_taken,
        ..
    } = &parent.kind
    else {
        // Own shapes make no transitions (callers append in place); a fresh own copy.
        return Rc::new(Shape {
            keys: parent.keys.clone(),
            kind: ShapeKind::Own {
                index: None,
                stamp: next_stamp(),
            },
        });
    };
    {
        let list = transitions.borrow();
        if let Some(i) = list
            .iter()
            .position(|t| t.attrs == attrs && t.key.fast_eq(key))
        {
            last_taken.set([i as u32, last_taken.get()[0]]);
            return list[i].to.clone();
        }
    }
    let mut keys = Vec::with_capacity(parent.keys.len() + 1);
    keys.extend(parent.keys.iter().cloned());
    keys.push(Some((key.clone(), attrs)));
    let shape = Rc::new(Shape {
        keys,
        kind: ShapeKind::Shared {
            parent: Some(Rc::downgrade(parent)),
            transitions: RefCell::new(Vec::new()),
            last_taken: Cell::new([0, 0]),
        },
    });
    let mut list = transitions.borrow_mut();
    // Children no object has (only this list holds them) are dropped as the list grows
    // past 32 (objects given ever new first keys, say): amortized O(1) a transition.
    if list.len() >= 32 && list.len().is_power_of_two() {
        list.retain(|t| Rc::strong_count(&t.to) > 1);
    }
    last_taken.set([list.len() as u32, last_taken.get()[0]]);
    list.push(Transition {
        key: key.clone(),
        attrs,
        to: shape.clone(),
    });
    shape
}

thread_local! {
    /// Whether maps on this thread take transitions (see [`SharedShapesOff`]).
    static SHARING: Cell<bool> = const { Cell::new(true) };
}

/// While alive, maps made property by property on this thread keep their own shapes
/// instead of taking transitions: the realm's and the host's objects made at start-up
/// (`Math`, `Symbol`, `process`, the prototypes...) are one of a kind, and the shared
/// shapes their first properties made were abandoned at their first method or past 16
/// properties — 84 shapes made and many freed again, 7 % of `jsgen -e ''`. Layouts
/// (function objects) are still shared.
pub struct SharedShapesOff(bool);

impl SharedShapesOff {
    pub fn new() -> SharedShapesOff {
        SharedShapesOff(SHARING.with(|s| s.replace(false)))
    }
}

impl Default for SharedShapesOff {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for SharedShapesOff {
    fn drop(&mut self) {
        let previous = self.0;
        SHARING.with(|s| s.set(previous));
    }
}

/// Does a property of this kind keep its object's shape in the transition tree? Built-in
/// methods (non-enumerable, writable, configurable), accessors and lazy slots are what
/// prototypes, constructors and namespace objects are made of: one-of-a-kind objects whose
/// shapes no other object would share. Each step of a shared shape holds a copy of the
/// keys before it, so the realm's ~200 such objects took ~1 MB of shapes at start-up;
/// their maps go to their own shape at the first such property instead (as V8 gives
/// prototypes dictionary maps).
#[inline]
fn shareable(prop: &Prop) -> bool {
    matches!(prop.slot, Slot::Data(_)) && prop.attrs != Attrs::HIDDEN
}

/// A shape to make objects with directly, all their properties at once: CreateIterResultObject's
/// `{value, done}` and the like. The same shape the objects would get property by property
/// (it is made through the same transitions), so they share it with objects built that way.
#[derive(Clone, Debug)]
pub struct Layout(Option<Rc<Shape>>);

impl Layout {
    /// The layout of objects given `props` (distinct keys) in this order.
    pub fn new(props: &[(PropKey, Attrs)]) -> Layout {
        let mut shape: Option<Rc<Shape>> = None;
        for (i, (k, a)) in props.iter().enumerate() {
            debug_assert!(!props[..i].iter().any(|(o, _)| o.fast_eq(k)), "a key twice");
            shape = Some(transition(shape.as_ref(), k, *a));
        }
        Layout(shape)
    }
    /// How many properties objects of this layout have.
    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |s| s.keys.len())
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Is the `i`th key of this layout the string key `name` (a default data property's)?
    /// An object literal's cached layout is checked against the literal's names with this.
    #[inline]
    pub fn key_is(&self, i: usize, name: &JsStr) -> bool {
        matches!(
            self.0.as_ref().and_then(|s| s.keys.get(i)),
            Some(Some((PropKey::Str(k), a))) if *a == Attrs::DEFAULT && k.same_string(name)
        )
    }
}

/// The hash index of a large own shape, the count of `None` holes in its keys (only an
/// indexed map has any) and of its integer keys ([`PropMap::has_index_keys`] without a
/// scan: `Array.prototype` is asked on every `push`).
#[derive(Default, Debug)]
struct PropIndex {
    /// `(position in the keys, 32 bits of the key's hash)`: 8 bytes a slot; the keys are
    /// compared in the shape, and growing the table rehashes from the stored bits.
    positions: jsgen_syntax::hashbrown::HashTable<(u32, u32)>,
    holes: usize,
    index_keys: usize,
}

impl PropIndex {
    fn build(keys: &[KeyEntry]) -> PropIndex {
        let mut ix = PropIndex {
            positions: jsgen_syntax::hashbrown::HashTable::with_capacity(keys.len()),
            holes: 0,
            index_keys: 0,
        };
        for (i, e) in keys.iter().enumerate() {
            match e {
                Some((k, _)) => ix.add(k, i),
                None => ix.holes += 1,
            }
        }
        ix
    }
    fn add(&mut self, key: &PropKey, i: usize) {
        self.index_keys += usize::from(matches!(key, PropKey::Index(_)));
        let h = key_hash(key);
        self.positions
            .insert_unique(slot_hash(h), (i as u32, h), |&(_, h)| slot_hash(h));
    }
    fn find(&self, keys: &[KeyEntry], key: &PropKey) -> Option<usize> {
        let h = key_hash(key);
        self.positions
            .find(slot_hash(h), |&(i, eh)| {
                eh == h && matches!(keys.get(i as usize), Some(Some((k, _))) if k.fast_eq(key))
            })
            .map(|&(i, _)| i as usize)
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

/// A property as a map holds it: its slot, borrowed, and its attributes (from the shape).
#[derive(Clone, Copy, Debug)]
pub struct PropRef<'a> {
    pub slot: &'a Slot,
    pub attrs: Attrs,
}

impl PropRef<'_> {
    /// The property, copied out of the map.
    pub fn to_prop(self) -> Prop {
        Prop {
            slot: self.slot.clone(),
            attrs: self.attrs,
        }
    }
    pub fn is_accessor(self) -> bool {
        matches!(self.slot, Slot::Accessor(_))
    }
}

/// Insertion-ordered property map: a shape (shared or own, see the module docs) and the
/// slots in the shape's order.
///
/// Deleting from an indexed map leaves a hole (`None` key) instead of shifting the entries
/// after it and rebuilding the index (which made deleting n keys one by one O(n²): 20 000
/// keys took 5.8 s). The holes are squeezed out, and the index rebuilt, once they outnumber
/// the live entries, so the cost stays amortized O(1) per deletion.
#[derive(Default, Debug)]
pub struct PropMap {
    /// `None`: no properties (the root shape, without a thread-local access).
    shape: Option<Rc<Shape>>,
    /// One per key of the shape (a hole's slot is `Data(Undefined)`).
    slots: Vec<Slot>,
}

impl PropMap {
    /// Past this many properties a map's shape is its own, with a hash index.
    pub const INDEX_THRESHOLD: usize = 16;

    /// A map of `layout`'s keys holding `slots`, one per key in order (a missing one reads
    /// as undefined).
    pub fn with_layout(layout: &Layout, mut slots: Vec<Slot>) -> PropMap {
        debug_assert_eq!(layout.len(), slots.len());
        if slots.len() != layout.len() {
            slots.resize(layout.len(), Slot::Data(Value::Undefined));
        }
        PropMap {
            shape: layout.0.clone(),
            slots,
        }
    }

    #[inline]
    fn keys(&self) -> &[KeyEntry] {
        match &self.shape {
            Some(s) => &s.keys,
            None => &[],
        }
    }

    /// The position of `key` (positions stay valid until the next deletion).
    #[inline]
    pub fn find(&self, key: &PropKey) -> Option<usize> {
        let s = self.shape.as_ref()?;
        if let Some(ix) = s.index() {
            return ix.find(&s.keys, key);
        }
        s.keys
            .iter()
            .position(|e| matches!(e, Some((k, _)) if k.fast_eq(key)))
    }
    /// The entry at position `i` of the insertion order (`None` for a deleted one).
    #[inline]
    pub fn entry_at(&self, i: usize) -> Option<(&PropKey, PropRef<'_>)> {
        let (k, attrs) = self.keys().get(i)?.as_ref()?;
        let slot = self.slots.get(i)?;
        Some((
            k,
            PropRef {
                slot,
                attrs: *attrs,
            },
        ))
    }
    #[inline]
    pub fn get(&self, key: &PropKey) -> Option<PropRef<'_>> {
        self.find(key)
            .and_then(|i| self.entry_at(i))
            .map(|(_, p)| p)
    }
    /// [`PropMap::get`] that first tries the position `hint` remembers (and remembers the
    /// position it finds): the engine's own checks of one built-in's property (is
    /// `%Promise.prototype%.then` still the original?) make no search while the key stays
    /// where it was.
    #[inline]
    pub fn get_hinted(&self, key: &PropKey, hint: &std::cell::Cell<u32>) -> Option<PropRef<'_>> {
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
    /// [`PropMap::get_hinted`] when the hint missed: search, and remember the position.
    #[inline(never)]
    fn get_hinted_slow(&self, key: &PropKey, hint: &std::cell::Cell<u32>) -> Option<PropRef<'_>> {
        let i = self.find(key)?;
        hint.set(u32::try_from(i).unwrap_or(u32::MAX));
        self.entry_at(i).map(|(_, p)| p)
    }
    /// Is the key at position `i` the interned name `key` (no search)?
    #[inline(always)]
    fn str_key_at(&self, key: &PropKey, i: usize) -> Option<Attrs> {
        match self.keys().get(i)? {
            Some((PropKey::Str(k), attrs)) if matches!(key, PropKey::Str(name) if JsStr::ptr_eq(k, name)) => {
                Some(*attrs)
            }
            _ => None,
        }
    }
    /// The value of the own data property `name` at the position `hint` remembers (the same
    /// interned name there: no search), or `None` after pointing `hint` at where the name is
    /// now (`u32::MAX` when it is no own property). The protocol of `ExprKind::Member`'s
    /// `hint` and `ObjectPatProp::hint`.
    #[inline(always)]
    pub fn data_at_site_hint(&self, name: &JsStr, hint: &Cell<u32>) -> Option<&Value> {
        let h = hint.get() as usize;
        if let (Some(Some((PropKey::Str(k), _))), Some(Slot::Data(v))) =
            (self.keys().get(h), self.slots.get(h))
        {
            if JsStr::ptr_eq(k, name) {
                return Some(v);
            }
        }
        self.rehint(name, hint);
        None
    }
    /// The value of the own data property `name` at a site's hint, without re-aiming the hint
    /// on a miss (the caller's full read does that).
    #[inline(always)]
    pub fn value_at_site_hint(&self, name: &JsStr, hint: &Cell<u32>) -> Option<&Value> {
        let h = hint.get() as usize;
        match (self.keys().get(h), self.slots.get(h)) {
            (Some(Some((PropKey::Str(k), _))), Some(Slot::Data(v))) if JsStr::ptr_eq(k, name) => {
                Some(v)
            }
            _ => None,
        }
    }
    /// The number held by the own data property `name` at a site's hint, without re-aiming
    /// the hint on a miss (the caller's full read does that).
    #[inline(always)]
    pub fn number_at_site_hint(&self, name: &JsStr, hint: &Cell<u32>) -> Option<f64> {
        let h = hint.get() as usize;
        match (self.keys().get(h), self.slots.get(h)) {
            (Some(Some((PropKey::Str(k), _))), Some(Slot::Data(Value::Number(n))))
                if JsStr::ptr_eq(k, name) =>
            {
                Some(*n)
            }
            _ => None,
        }
    }
    /// [`PropMap::data_at_site_hint`]'s miss, out of the readers' line.
    #[cold]
    #[inline(never)]
    fn rehint(&self, name: &JsStr, hint: &Cell<u32>) {
        hint.set(self.position_hint(&PropKey::Str(name.clone())));
    }
    /// The position hint to remember for `key`: where it is now, or `u32::MAX` when it is
    /// absent (see `ExprKind::Member`'s `hint`).
    pub fn position_hint(&self, key: &PropKey) -> u32 {
        self.find(key)
            .and_then(|i| u32::try_from(i).ok())
            .unwrap_or(u32::MAX)
    }
    /// [`PropMap::data_at_site_hint`] for a write, without re-aiming the hint: the value of
    /// a *writable* data property.
    #[inline(always)]
    pub fn writable_data_at_hint(&mut self, key: &PropKey, hint: u32) -> Option<&mut Value> {
        if !self.str_key_at(key, hint as usize)?.writable() {
            return None;
        }
        match self.slots.get_mut(hint as usize)? {
            Slot::Data(v) => Some(v),
            _ => None,
        }
    }
    /// [`PropMap::writable_data_at_hint`] for an interned name (no key made).
    #[inline(always)]
    pub fn writable_data_at_name_hint(&mut self, name: &JsStr, hint: u32) -> Option<&mut Value> {
        let i = hint as usize;
        match self.keys().get(i)? {
            Some((PropKey::Str(k), attrs)) if JsStr::ptr_eq(k, name) && attrs.writable() => {}
            _ => return None,
        }
        match self.slots.get_mut(i)? {
            Slot::Data(v) => Some(v),
            _ => None,
        }
    }
    /// The slot of `key`, to change its value (its attributes stay).
    #[inline]
    pub fn slot_mut(&mut self, key: &PropKey) -> Option<&mut Slot> {
        let i = self.find(key)?;
        self.slots.get_mut(i)
    }

    /// The map's shape made its own (copied out of the transition tree if it is shared),
    /// to edit in place. (A function of the field, so that the slots stay borrowable.)
    ///
    /// Every edit of a shape's keys or attributes goes through here: its `Rc::make_mut`
    /// moves a shape that a [`ShapeWitness`] holds to a new allocation first, which is what
    /// makes the inline caches' shape comparisons exact. Do not edit a shape otherwise.
    #[inline]
    fn own_shape(shape: &mut Option<Rc<Shape>>) -> &mut Shape {
        if !shape.as_ref().is_some_and(|s| s.is_own()) {
            Self::copy_to_own(shape);
        }
        let rc = shape.get_or_insert_with(|| {
            Rc::new(Shape {
                keys: Vec::new(),
                kind: ShapeKind::Own {
                    index: None,
                    stamp: 0,
                },
            })
        });
        // An own shape is never cloned out of its map, so this never copies; if it ever
        // did, the copy would be the map's own again.
        let shape = Rc::make_mut(rc);
        // The edit the caller makes gives the shape a state no stamp was given to yet.
        if let ShapeKind::Own { stamp, .. } = &mut shape.kind {
            *stamp = next_stamp();
        }
        shape
    }
    /// [`PropMap::own_shape`]'s copy of a shared shape's keys into a new own shape.
    #[inline(never)]
    fn copy_to_own(shape: &mut Option<Rc<Shape>>) {
        let old: &[KeyEntry] = shape.as_ref().map_or(&[], |s| &s.keys);
        // Room to grow: an own map is usually one of a kind that keeps growing (a prototype
        // getting its methods), and its keys and slots each regrow otherwise.
        let mut keys = Vec::with_capacity((old.len() * 2).max(8));
        keys.extend(old.iter().cloned());
        let index = (keys.len() > Self::INDEX_THRESHOLD).then(|| Box::new(PropIndex::build(&keys)));
        *shape = Some(Rc::new(Shape {
            keys,
            kind: ShapeKind::Own {
                index,
                stamp: next_stamp(),
            },
        }));
    }

    /// Appends a property whose key is absent.
    fn append(&mut self, key: PropKey, prop: Prop) {
        if matches!(key, PropKey::Index(_)) {
            index_key_made();
        }
        let shared = !self.shape.as_ref().is_some_and(|s| s.is_own());
        if shared
            && self.slots.len() < Self::INDEX_THRESHOLD
            && shareable(&prop)
            && SHARING.with(Cell::get)
        {
            self.shape = Some(transition(self.shape.as_ref(), &key, prop.attrs));
            self.slots.push(prop.slot);
            return;
        }
        let len = self.slots.len();
        if len == self.slots.capacity() {
            // As the keys (`copy_to_own`): at least 8, then doubling.
            self.slots.reserve(len.max(8));
        }
        let shape = Self::own_shape(&mut self.shape);
        if let ShapeKind::Own {
            index: Some(ix), ..
        } = &mut shape.kind
        {
            ix.add(&key, len);
        }
        shape.keys.push(Some((key, prop.attrs)));
        if let ShapeKind::Own {
            index: index @ None,
            ..
        } = &mut shape.kind
        {
            if shape.keys.len() > Self::INDEX_THRESHOLD {
                *index = Some(Box::new(PropIndex::build(&shape.keys)));
            }
        }
        self.slots.push(prop.slot);
    }

    /// Appends a property the caller knows is absent (the own properties a new object is
    /// made with, in their fixed order): [`PropMap::insert`] without the search for an
    /// existing key (issue #12: six searches per function object made).
    pub fn push_new(&mut self, key: PropKey, prop: Prop) {
        debug_assert!(self.find(&key).is_none(), "push_new of a present key");
        self.append(key, prop);
    }
    pub fn insert(&mut self, key: PropKey, prop: Prop) {
        match self.find(&key) {
            Some(i) => {
                self.set_attrs(i, prop.attrs);
                if let Some(s) = self.slots.get_mut(i) {
                    *s = prop.slot;
                }
            }
            None => self.append(key, prop),
        }
    }
    /// Changes the attributes of the property at position `i`.
    fn set_attrs(&mut self, i: usize, attrs: Attrs) {
        if matches!(self.keys().get(i), Some(Some((_, a))) if *a == attrs) {
            return;
        }
        if let Some(Some((_, a))) = Self::own_shape(&mut self.shape).keys.get_mut(i) {
            *a = attrs;
        }
    }
    /// Applies `f` to every property's attributes (freezing, sealing).
    pub fn update_all_attrs(&mut self, f: impl Fn(Attrs) -> Attrs) {
        self.update_attrs(|_, a| f(a));
    }
    /// Gives each property the attributes `f` makes of its key and attributes (the map is
    /// left shared when none changes).
    pub fn update_attrs(&mut self, f: impl Fn(&PropKey, Attrs) -> Attrs) {
        if self.keys().iter().flatten().all(|(k, a)| f(k, *a) == *a) {
            return;
        }
        for (k, a) in Self::own_shape(&mut self.shape).keys.iter_mut().flatten() {
            *a = f(k, *a);
        }
    }
    pub fn remove(&mut self, key: &PropKey) -> Option<Prop> {
        let i = self.find(key)?;
        let last = i + 1 == self.slots.len();
        // The last property added: back to the shape before it, still shared.
        if last {
            let back = match self.shape.as_ref().map(|s| &s.kind) {
                Some(ShapeKind::Shared { parent, .. }) => parent.as_ref().and_then(Weak::upgrade),
                _ => None,
            };
            if let Some(parent) = back {
                let attrs = self.keys().get(i)?.as_ref()?.1;
                let slot = self.slots.pop()?;
                self.shape = (!parent.keys.is_empty()).then_some(parent);
                return Some(Prop { slot, attrs });
            }
        }
        let shape = Self::own_shape(&mut self.shape);
        let (holes, len) = match &mut shape.kind {
            ShapeKind::Own {
                index: Some(ix), ..
            } => {
                let h = key_hash(key);
                if let Ok(e) = ix
                    .positions
                    .find_entry(slot_hash(h), |&(j, eh)| eh == h && j as usize == i)
                {
                    e.remove();
                }
                ix.index_keys -= usize::from(matches!(key, PropKey::Index(_)));
                ix.holes += 1;
                (Some(ix.holes), shape.keys.len())
            }
            _ => (None, 0),
        };
        let prop = match holes {
            None => {
                let (_, attrs) = shape.keys.remove(i)?;
                let slot = self.slots.remove(i);
                Prop { slot, attrs }
            }
            Some(holes) => {
                let (_, attrs) = shape.keys.get_mut(i)?.take()?;
                let slot = std::mem::replace(self.slots.get_mut(i)?, Slot::Data(Value::Undefined));
                if holes * 2 > len {
                    self.squeeze_holes();
                }
                Prop { slot, attrs }
            }
        };
        Some(prop)
    }
    /// Drops the holes of an indexed own map and rebuilds its index.
    fn squeeze_holes(&mut self) {
        let slots = std::mem::take(&mut self.slots);
        let shape = Self::own_shape(&mut self.shape);
        let keys = std::mem::take(&mut shape.keys);
        let mut kept_slots = Vec::with_capacity(slots.len());
        for (k, s) in keys.into_iter().zip(slots) {
            if k.is_some() {
                shape.keys.push(k);
                kept_slots.push(s);
            }
        }
        let index = (shape.keys.len() > Self::INDEX_THRESHOLD)
            .then(|| Box::new(PropIndex::build(&shape.keys)));
        shape.kind = ShapeKind::Own {
            index,
            stamp: next_stamp(),
        };
        self.slots = kept_slots;
    }
    /// Makes room for `n` more properties: exactly `n` in an empty map (a `Vec`'s first
    /// growth would round up to four slots, past glibc's fast bins), so a function with its
    /// `length` and `name` takes 32 bytes.
    pub fn reserve(&mut self, n: usize) {
        if self.slots.capacity() == 0 {
            self.slots.reserve_exact(n);
        } else {
            self.slots.reserve(n);
        }
    }
    pub fn iter(&self) -> impl Iterator<Item = (&PropKey, PropRef<'_>)> {
        self.keys()
            .iter()
            .zip(self.slots.iter())
            .filter_map(|(e, slot)| {
                e.as_ref().map(|(k, attrs)| {
                    (
                        k,
                        PropRef {
                            slot,
                            attrs: *attrs,
                        },
                    )
                })
            })
    }
    /// Every slot, holes included (a hole's is `Data(Undefined)`): for the collector.
    pub fn slots(&self) -> impl Iterator<Item = &Slot> {
        self.slots.iter()
    }
    /// Has the map an integer key (an array index)? No while no map on the thread ever had
    /// one; else counted in a large map, searched in a small one.
    #[inline]
    pub fn has_index_keys(&self) -> bool {
        if !INDEX_KEYS_MADE.with(|m| m.get()) {
            return false;
        }
        match self.shape.as_ref().and_then(|s| s.index()) {
            Some(ix) => ix.index_keys > 0,
            None => self.iter().any(|(k, _)| matches!(k, PropKey::Index(_))),
        }
    }
    pub fn len(&self) -> usize {
        self.slots.len()
            - self
                .shape
                .as_ref()
                .and_then(|s| s.index())
                .map_or(0, |ix| ix.holes)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn clear(&mut self) {
        self.slots.clear();
        self.shape = None;
    }
    /// Do this map and `other` have the same shape (the same keys with the same
    /// attributes, by construction)? Only shared shapes are compared.
    pub fn same_shape(&self, other: &PropMap) -> bool {
        match (&self.shape, &other.shape) {
            (Some(a), Some(b)) => !a.is_own() && Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

/// Which shape a map had, for an inline cache (`interp/prop_cache.rs`) to compare with a
/// map's shape later: equal exactly when the map has the same keys with the same
/// attributes in the same order.
///
/// It holds the shape weakly, which keeps the shape's allocation (not the shape) alive, so
/// that no other shape can be made at that address while the witness exists (no ABA). That
/// makes it exact for own shapes too, though they are edited in place: an own shape is
/// edited only through [`PropMap::own_shape`]'s `Rc::make_mut`, which, while a weak
/// reference to the shape exists, moves the shape to a new allocation before the edit (the
/// weak references are disassociated). So a shape the witness still points at has not been
/// edited since the witness was taken. `None`: the map had no properties (no shape).
#[derive(Clone, Debug, Default)]
pub struct ShapeWitness(Option<Weak<Shape>>);

impl ShapeWitness {
    /// A witness no map matches (a dangling weak reference points at no allocation).
    pub fn never() -> ShapeWitness {
        ShapeWitness(Some(Weak::new()))
    }
    /// Has `map` the shape this witness was taken of?
    #[inline(always)]
    pub fn matches(&self, map: &PropMap) -> bool {
        match (&self.0, &map.shape) {
            (Some(w), Some(s)) => std::ptr::eq(w.as_ptr(), Rc::as_ptr(s)),
            (None, None) => true,
            _ => false,
        }
    }
}

/// A shared shape reached by adding one property (see [`PropMap::added_by_transition`]),
/// held weakly: a transition list may drop it once no object has it.
#[derive(Clone, Debug)]
pub struct AddedShape(Weak<Shape>);

impl PropMap {
    /// The witness of the map's current shape.
    pub fn witness(&self) -> ShapeWitness {
        ShapeWitness(self.shape.as_ref().map(Rc::downgrade))
    }
    /// The stamp of the map's own (dictionary) shape, or 0 for a shared shape or none. Two
    /// reads of one nonzero stamp prove that the map's keys and attributes did not change in
    /// between (a stamp is given to one state of one shape only; see `ShapeKind::Own`),
    /// without the weak reference a [`ShapeWitness`] keeps, which would make each edit of
    /// the shape move it.
    #[inline(always)]
    pub fn own_stamp(&self) -> u64 {
        match self.shape.as_deref() {
            Some(Shape {
                kind: ShapeKind::Own { stamp, .. },
                ..
            }) => *stamp,
            _ => 0,
        }
    }
    /// Is the map's shape a node of the transition tree (or none)? Objects built alike share
    /// such a shape; an own shape is one object's.
    #[inline]
    pub fn is_shared(&self) -> bool {
        !self.shape.as_ref().is_some_and(|s| s.is_own())
    }
    /// The value of the data property at position `i` (`None` for an accessor, a lazy slot,
    /// a hole, or past the end).
    #[inline(always)]
    pub fn data_at(&self, i: usize) -> Option<&Value> {
        match self.slots.get(i)? {
            Slot::Data(v) => Some(v),
            _ => None,
        }
    }
    /// The getter of the accessor property at position `i` (`None`: no getter, or not an
    /// accessor).
    pub fn getter_at(&self, i: usize) -> Option<&Obj> {
        match self.slots.get(i)? {
            Slot::Accessor(a) => a.get.as_ref(),
            _ => None,
        }
    }
    /// After a property `key` was added to this map by [[Set]]: if the map's shape is the
    /// shared shape the map's former shape `before` leads to by adding `key` as a default
    /// (writable, enumerable, configurable) data property, that shape, for an inline cache
    /// to give the next object of shape `before` directly ([`PropMap::push_added`]).
    pub fn added_by_transition(&self, before: &ShapeWitness, key: &PropKey) -> Option<AddedShape> {
        let s = self.shape.as_ref()?;
        let ShapeKind::Shared { parent, .. } = &s.kind else {
            return None;
        };
        let from_before = match (&before.0, parent) {
            // The first property: the parent is the root.
            (None, Some(_)) => s.keys.len() == 1,
            (Some(b), Some(p)) => std::ptr::eq(b.as_ptr(), p.as_ptr()),
            (_, None) => false,
        };
        match s.keys.last() {
            Some(Some((k, attrs)))
                if from_before
                    && *attrs == Attrs::DEFAULT
                    && k.fast_eq(key)
                    && s.keys.len() == self.slots.len() =>
            {
                Some(AddedShape(Rc::downgrade(s)))
            }
            _ => None,
        }
    }
    /// Adds a property by a transition found before ([`PropMap::added_by_transition`]): the
    /// caller has checked that the map's shape is the one the transition starts from (a
    /// shared shape without holes). False (nothing done) if no object has the shape any more.
    #[inline]
    pub fn push_added(&mut self, to: &AddedShape, value: Value) -> bool {
        let Some(shape) = to.0.upgrade() else {
            return false;
        };
        if shape.keys.len() != self.slots.len() + 1 {
            return false;
        }
        self.shape = Some(shape);
        self.slots.push(Slot::Data(value));
        true
    }
}

impl Clone for Shape {
    /// Only an own shape is ever copied (by [`Rc::make_mut`] in [`PropMap::own_shape`]), and
    /// the copy is an own shape.
    fn clone(&self) -> Shape {
        Shape {
            keys: self.keys.clone(),
            kind: ShapeKind::Own {
                index: self.index().map(|_| Box::new(PropIndex::build(&self.keys))),
                stamp: next_stamp(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(i: usize) -> PropKey {
        PropKey::Str(JsStr::from(format!("k{i}").as_str()))
    }
    fn number(p: Option<PropRef<'_>>) -> Option<f64> {
        match p {
            Some(PropRef {
                slot: Slot::Data(Value::Number(n)),
                ..
            }) => Some(*n),
            _ => None,
        }
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
        assert_eq!(number(m.get(&key(99))), Some(99.0));
        loop {
            let first = m.iter().next().map(|(k, _)| k.clone());
            let Some(k) = first else { break };
            m.remove(&k);
        }
        assert!(m.is_empty());
    }

    #[test]
    fn objects_built_alike_share_a_shape() {
        let build = |attrs: Attrs| {
            let mut m = PropMap::default();
            for i in 0..5 {
                m.push_new(key(i), Prop::data(Value::Number(i as f64), attrs));
            }
            m
        };
        let a = build(Attrs::DEFAULT);
        let b = build(Attrs::DEFAULT);
        let c = build(Attrs::HIDDEN);
        assert!(a.same_shape(&b));
        assert!(!a.same_shape(&c));
        assert_eq!(number(b.get(&key(3))), Some(3.0));
        assert_eq!(c.get(&key(3)).map(|p| p.attrs), Some(Attrs::HIDDEN));
        // Changing one object's attributes or deleting a middle key leaves the others.
        let mut d = build(Attrs::DEFAULT);
        d.insert(key(2), Prop::data(Value::Number(7.0), Attrs::NONE));
        assert!(!d.same_shape(&a));
        assert_eq!(a.get(&key(2)).map(|p| p.attrs), Some(Attrs::DEFAULT));
        assert_eq!(d.get(&key(2)).map(|p| p.attrs), Some(Attrs::NONE));
        let mut e = build(Attrs::DEFAULT);
        e.remove(&key(1));
        assert_eq!(e.len(), 4);
        assert_eq!(a.len(), 5);
        assert_eq!(number(a.get(&key(1))), Some(1.0));
        assert_eq!(number(e.get(&key(4))), Some(4.0));
        // Deleting the last key steps back to the shared parent shape.
        let mut f = build(Attrs::DEFAULT);
        f.remove(&key(4));
        let mut g = PropMap::default();
        for i in 0..4 {
            g.push_new(key(i), Prop::data(Value::Number(0.0), Attrs::DEFAULT));
        }
        assert!(f.same_shape(&g));
        // Past the threshold a map's shape is its own, indexed.
        let mut big = PropMap::default();
        for i in 0..40 {
            big.insert(key(i), Prop::data(Value::Number(i as f64), Attrs::DEFAULT));
        }
        assert_eq!(number(big.get(&key(33))), Some(33.0));
        assert_eq!(big.len(), 40);
    }

    #[test]
    fn freezing_changes_only_this_object() {
        let mut a = PropMap::default();
        let mut b = PropMap::default();
        for m in [&mut a, &mut b] {
            m.push_new(key(0), Prop::data(Value::Number(0.0), Attrs::DEFAULT));
            m.push_new(key(1), Prop::data(Value::Number(1.0), Attrs::DEFAULT));
        }
        a.update_all_attrs(|x| Attrs(x.0 & !(Attrs::WRITABLE | Attrs::CONFIGURABLE)));
        assert_eq!(
            a.get(&key(1)).map(|p| p.attrs),
            Some(Attrs(Attrs::ENUMERABLE))
        );
        assert_eq!(b.get(&key(1)).map(|p| p.attrs), Some(Attrs::DEFAULT));
        assert!(a.writable_data_at_hint(&key(1), 1).is_none());
    }

    #[test]
    fn attrs_updated_by_key_leave_the_others_and_a_shared_shape_when_unchanged() {
        let mut a = PropMap::default();
        let mut b = PropMap::default();
        for m in [&mut a, &mut b] {
            m.push_new(key(0), Prop::data(Value::Number(0.0), Attrs::DEFAULT));
            m.push_new(key(1), Prop::data(Value::Number(1.0), Attrs::DEFAULT));
        }
        // Nothing changes: the shape stays the shared one both maps have.
        a.update_attrs(|_, x| x);
        assert!(a.is_shared() && a.same_shape(&b));
        let k0 = key(0);
        a.update_attrs(|k, x| if k.fast_eq(&k0) { x } else { Attrs::NONE });
        assert_eq!(a.get(&key(0)).map(|p| p.attrs), Some(Attrs::DEFAULT));
        assert_eq!(a.get(&key(1)).map(|p| p.attrs), Some(Attrs::NONE));
        assert_eq!(b.get(&key(1)).map(|p| p.attrs), Some(Attrs::DEFAULT));
        assert!(!a.same_shape(&b));
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

    // A dictionary receiver's inline cache compares own stamps: each edit of an own shape's
    // keys or attributes gives a new stamp, a value change keeps it, shared shapes have 0.
    #[test]
    fn own_stamps_change_with_every_edit_of_keys() {
        let data = |n: f64| Prop::data(Value::Number(n), Attrs::DEFAULT);
        let mut small = PropMap::default();
        assert_eq!(small.own_stamp(), 0);
        small.insert(key(0), data(0.0));
        assert_eq!(small.own_stamp(), 0);
        let mut own = PropMap::default();
        for i in 0..(PropMap::INDEX_THRESHOLD + 4) {
            own.insert(key(i), data(i as f64));
        }
        assert!(!own.is_shared());
        let s = own.own_stamp();
        assert_ne!(s, 0);
        if let Some(slot) = own.slot_mut(&key(2)) {
            *slot = Slot::Data(Value::Number(9.0));
        }
        own.insert(key(3), data(3.5));
        assert_eq!(own.own_stamp(), s);
        let edits: [fn(&mut PropMap); 5] = [
            |m| m.insert(key(70), Prop::data(Value::Undefined, Attrs::DEFAULT)),
            |m| m.insert(key(0), Prop::data(Value::Undefined, Attrs::NONE)),
            |m| {
                m.remove(&key(1));
            },
            |m| m.update_all_attrs(|_| Attrs::NONE),
            |m| {
                for i in 4..20 {
                    m.remove(&key(i));
                }
            },
        ];
        let mut seen = vec![s];
        for edit in edits {
            edit(&mut own);
            let now = own.own_stamp();
            assert!(now != 0 && !seen.contains(&now));
            seen.push(now);
        }
        // Another map's own shape never has one of these stamps.
        let mut other = PropMap::default();
        for i in 0..(PropMap::INDEX_THRESHOLD + 1) {
            other.insert(key(i), data(0.0));
        }
        assert!(!seen.contains(&other.own_stamp()));
    }

    // Inline caches compare shapes by witness: an own shape is edited in place, so a
    // witness must stop matching at its first edit (the shape moves while a weak
    // reference to it exists), and a shared shape's witness matches every map of it.
    #[test]
    fn witnesses_see_every_change_of_keys() {
        let data = |n: f64| Prop::data(Value::Number(n), Attrs::DEFAULT);
        let mut own = PropMap::default();
        for i in 0..3 {
            own.insert(key(i), data(i as f64));
        }
        own.remove(&key(1));
        assert!(!own.is_shared());
        let w = own.witness();
        assert!(w.matches(&own));
        // A value change is no shape change.
        if let Some(s) = own.slot_mut(&key(2)) {
            *s = Slot::Data(Value::Number(9.0));
        }
        assert!(w.matches(&own));
        // Each kind of edit of an own shape: added, attributes changed, deleted, frozen.
        let edits: [fn(&mut PropMap); 4] = [
            |m| m.insert(key(7), Prop::data(Value::Undefined, Attrs::DEFAULT)),
            |m| m.insert(key(0), Prop::data(Value::Undefined, Attrs::NONE)),
            |m| {
                m.remove(&key(0));
            },
            |m| m.update_all_attrs(|_| Attrs::NONE),
        ];
        for edit in edits {
            let w = own.witness();
            edit(&mut own);
            assert!(!w.matches(&own));
            assert!(own.witness().matches(&own));
        }
        // Shared shapes: maps built alike match one witness; a map without properties
        // matches the empty witness only.
        let build = || {
            let mut m = PropMap::default();
            m.push_new(key(0), data(0.0));
            m.push_new(key(1), data(1.0));
            m
        };
        let (a, b) = (build(), build());
        assert!(a.witness().matches(&b));
        assert!(!a.witness().matches(&PropMap::default()));
        assert!(PropMap::default().witness().matches(&PropMap::default()));
        assert!(!ShapeWitness::never().matches(&PropMap::default()));
        assert!(!ShapeWitness::never().matches(&a));
    }

    #[test]
    fn an_add_by_a_remembered_transition_matches_the_slow_add() {
        let data = |n: f64| Prop::data(Value::Number(n), Attrs::DEFAULT);
        let mut first = PropMap::default();
        first.push_new(key(0), data(0.0));
        let before = first.witness();
        first.push_new(key(1), data(1.0));
        let Some(to) = first.added_by_transition(&before, &key(1)) else {
            panic!("no transition remembered");
        };
        // Not for another key, nor from another shape.
        assert!(first.added_by_transition(&before, &key(0)).is_none());
        assert!(first
            .added_by_transition(&PropMap::default().witness(), &key(1))
            .is_none());
        let mut second = PropMap::default();
        second.push_new(key(0), data(5.0));
        assert!(before.matches(&second));
        assert!(second.push_added(&to, Value::Number(6.0)));
        assert!(second.same_shape(&first));
        assert_eq!(number(second.get(&key(1))), Some(6.0));
        assert_eq!(second.len(), 2);
        // From the empty map: the first property's transition.
        let mut empty = PropMap::default();
        let none = empty.witness();
        empty.push_new(key(3), data(3.0));
        assert!(empty.added_by_transition(&none, &key(3)).is_some());
        // A property with other attributes is no plain add.
        let mut hidden = PropMap::default();
        hidden.push_new(key(4), Prop::data(Value::Undefined, Attrs::NONE));
        assert!(hidden.added_by_transition(&none, &key(4)).is_none());
    }

    #[test]
    fn hinted_lookup_follows_a_moved_key() {
        let mut m = PropMap::default();
        for i in 0..4 {
            m.insert(key(i), Prop::data(Value::Number(i as f64), Attrs::DEFAULT));
        }
        let hint = std::cell::Cell::new(0);
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
