//! Objects: property storage, property keys and the ordinary internal methods that need no
//! calls into script code (`\[\[GetOwnProperty\]\]`, `\[\[DefineOwnProperty\]\]`, `\[\[Delete\]\]`,
//! `\[\[OwnPropertyKeys\]\]`). `\[\[Get\]\]`/`\[\[Set\]\]` may call accessors, so they live on the
//! interpreter (`interp::object_ops`).
//!
//! Named properties live in a [`PropMap`] (`prop_map.rs`: a shape shared by objects built
//! alike, and the values in a vector). Integer-keyed
//! properties with default attributes live in a dense `elements` vector (arrays and
//! array-likes), holes marked by [`Value::Empty`].

use std::cell::{Ref, RefCell, RefMut};
use std::rc::Rc;

use crate::gc::{Gc, Trace, Tracer};
use crate::interp::error_stack::CapturedStack;
use crate::string::JsStr;
use crate::value::{Sym, Value};

pub use crate::object_kind::ObjectKind;
pub use crate::prop_map::{Layout, PropMap, PropRef, SharedShapesOff};

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
    /// Key equality for the property maps' searches (interned names by pointer first).
    /// Always inlined: its callers are the searches' loops, and out of line (which code
    /// placement alone decided, session 20) each compare was a call.
    #[inline(always)]
    pub(crate) fn fast_eq(&self, other: &PropKey) -> bool {
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

/// What an own property holds. 16 bytes (a [`Value`], or one word beside its tag), so a
/// property costs an object 16 bytes: the key and attributes live in the shared shape.
#[derive(Clone, Debug)]
pub enum Slot {
    Data(Value),
    /// An accessor property's functions (shared: copying a slot copies no functions).
    Accessor(Rc<Accessor>),
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
    /// The builder is given the property's key (so that one builder can serve a table of
    /// globals, as the Node host's lazy web globals do).
    Lazy(LazyBuild),
    /// A built-in method (`Array.prototype.map`) made on first use, as [`Slot::Lazy`]: a
    /// native function named after the key, its recipe in the interpreter's table
    /// (`Interp::define_method`). Most of a realm's ~650 built-in functions are never
    /// touched by a script, and each costs an object, its `length`/`name` properties and
    /// three allocations to make.
    LazyMethod(LazyMethod),
}

impl Slot {
    pub fn accessor(get: Option<Obj>, set: Option<Obj>) -> Slot {
        Slot::Accessor(Rc::new(Accessor { get, set }))
    }
    /// A data property whose value is not made yet ([`Slot::LazyStack`], [`Slot::Lazy`],
    /// [`Slot::LazyMethod`]).
    pub fn is_lazy(&self) -> bool {
        matches!(
            self,
            Slot::LazyStack(_) | Slot::Lazy(_) | Slot::LazyMethod(_)
        )
    }
}

/// An accessor property's getter and setter.
#[derive(Debug)]
pub struct Accessor {
    pub get: Option<Obj>,
    pub set: Option<Obj>,
}

/// How a [`Slot::Lazy`] value is made.
pub type LazyBuild = fn(&mut crate::interp::Interp, &PropKey) -> Value;

/// A [`Slot::LazyMethod`]'s recipe: its position in the interpreter's table of them.
#[derive(Clone, Copy, Debug)]
pub struct LazyMethod(pub u32);

/// How a built-in method of a [`Slot::LazyMethod`] is made: the native function, its
/// `length`, and, when given, its one captured value (a number: built-ins that share one
/// native function told apart by it, `DataView.prototype.getInt8`, ...,
/// `Date.prototype.getUTCHours`, ...).
#[derive(Clone, Copy)]
pub struct MethodRecipe {
    pub f: crate::interp::NativeFn,
    pub length: u16,
    pub capture: Option<u16>,
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
        matches!(self.slot, Slot::Accessor(_))
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
            Slot::LazyStack(_) | Slot::Lazy(_) | Slot::LazyMethod(_) => {
                PropertyDescriptor::data(Value::Undefined, p.attrs)
            }
            Slot::Accessor(a) => PropertyDescriptor {
                value: None,
                writable: None,
                get: Some(a.get.clone()),
                set: Some(a.set.clone()),
                enumerable: Some(p.attrs.enumerable()),
                configurable: Some(p.attrs.configurable()),
            },
        }
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
    /// An ordinary object (or class instance) without elements and without integer keys in
    /// its map: its [[OwnPropertyKeys]] are its map's keys in order, and reading them and
    /// their attributes runs nothing (`Object.keys` and for-in read them in one pass).
    pub fn has_only_named_keys(&self) -> bool {
        matches!(self.kind, ObjectKind::Ordinary | ObjectKind::Instance(_))
            && self.elements.is_empty()
            && !self.props.has_index_keys()
    }

    /// The enumerable string keys of an object [`ObjectData::has_only_named_keys`]
    /// accepts, in order, each made into a `T`.
    pub fn enumerable_named_keys<T>(&self, mut f: impl FnMut(&JsStr) -> T) -> Vec<T> {
        let mut out = Vec::with_capacity(self.props.len());
        for (k, p) in self.props.iter() {
            if let (PropKey::Str(s), true) = (k, p.attrs.enumerable()) {
                out.push(f(s));
            }
        }
        out
    }

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
        for slot in d.props.slots() {
            match slot {
                Slot::Data(v) => trace_value(v, t),
                Slot::LazyStack(_) | Slot::Lazy(_) | Slot::LazyMethod(_) => {}
                Slot::Accessor(a) => {
                    if let Some(g) = &a.get {
                        t.edge(&g.0);
                    }
                    if let Some(s) = &a.set {
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
    fn sweep_weak(&self) {
        if let Ok(mut d) = self.try_borrow_mut() {
            if let ObjectKind::WeakMap(m) | ObjectKind::WeakSet(m) = &mut d.kind {
                m.sweep_unmarked();
            }
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
            return Some(p.to_prop());
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
            Some(PropRef {
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
                PropRef {
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
                PropRef {
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

    /// Removes an own property whatever its attributes (for an exotic object's internal
    /// bookkeeping, not `delete`).
    pub fn remove_own_raw(&self, key: &PropKey) {
        let mut d = self.borrow_mut();
        if let PropKey::Index(i) = key {
            if let Some(e) = d.elements.get_mut(*i as usize) {
                *e = Value::Empty;
            }
        }
        d.props.remove(key);
    }

    pub fn define_accessor(
        &self,
        key: impl Into<PropKey>,
        get: Option<Obj>,
        set: Option<Obj>,
        attrs: Attrs,
    ) {
        self.insert_slot(key.into(), Slot::accessor(get, set), attrs);
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
            if let Some(slot) = d.props.slot_mut(&key) {
                *slot = Slot::Data(value);
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
        // Absent, as the callers found: no search.
        d.props.push_new(key, Prop::data(value, Attrs::DEFAULT));
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
                Slot::Accessor(a) => (a.get.clone(), a.set.clone()),
                Slot::Data(_) | Slot::LazyStack(_) | Slot::Lazy(_) | Slot::LazyMethod(_) => {
                    (None, None)
                }
            };
            Prop {
                slot: Slot::accessor(
                    desc.get.clone().unwrap_or(og),
                    desc.set.clone().unwrap_or(os),
                ),
                attrs: Attrs::new(false, enumerable, configurable),
            }
        } else if desc.is_data() || !current.is_accessor() {
            let ow = match &current.slot {
                Slot::Data(_) | Slot::LazyStack(_) | Slot::Lazy(_) | Slot::LazyMethod(_) => {
                    current.attrs.writable()
                }
                Slot::Accessor(_) => false,
            };
            let slot = match (&desc.value, &current.slot) {
                (Some(v), _) => Slot::Data(v.clone()),
                (None, Slot::Data(v)) => Slot::Data(v.clone()),
                // Attributes changed, value kept (still to be formatted).
                (None, Slot::LazyStack(c)) => Slot::LazyStack(c.clone()),
                (None, Slot::Lazy(l)) => Slot::Lazy(*l),
                (None, Slot::LazyMethod(l)) => Slot::LazyMethod(*l),
                (None, Slot::Accessor(_)) => Slot::Data(Value::Undefined),
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
            slot @ (Slot::Accessor(_)
            | Slot::LazyStack(_)
            | Slot::Lazy(_)
            | Slot::LazyMethod(_)) => self.insert_slot(key, slot, prop.attrs),
        }
    }

    /// OrdinaryDelete (and the TypedArray `[[Delete]]`: an element can be deleted only when
    /// its index is not valid).
    pub fn delete(&self, key: &PropKey) -> bool {
        let mut d = self.borrow_mut();
        // A mapped arguments index: deleted (and unmapped) when configurable.
        if let ObjectKind::Arguments(Some(m)) = &mut d.kind {
            if let Some((_, attrs)) = m.mapped(key) {
                if !attrs.configurable() {
                    return false;
                }
                if let PropKey::Index(i) = key {
                    m.slots[*i as usize] = None;
                }
                return true;
            }
        }
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
        // A mapped arguments object's mapped indices come after its other elements.
        let mut has_sparse = matches!(d.kind, ObjectKind::Arguments(Some(_)));
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
            Slot::Accessor(a) => {
                if let Some(g) = &desc.get {
                    if !opt_obj_eq(g, &a.get) {
                        return false;
                    }
                }
                if let Some(s) = &desc.set {
                    if !opt_obj_eq(s, &a.set) {
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
            Slot::LazyStack(_) | Slot::Lazy(_) | Slot::LazyMethod(_) => {
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

// A slot is no larger than a value (every property holds one).
const _: () = assert!(std::mem::size_of::<Slot>() == 16);
