//! What kind of object a cell is: ordinary, array, function, one of the built-in classes with
//! internal slots (Map, Generator, Promise, ...). Exotic own properties that need no calls
//! (array `length`, a String object's indices and `length`) are answered here.

use crate::builtins::map::{MapData, WeakCollectionData};
use crate::gc::Tracer;
use crate::interp::function::{BoundFunction, Closure, NativeFunction};
use crate::interp::generator::GeneratorData;
use crate::interp::ops::LENGTH;
use crate::object::{trace_value, Attrs, Obj, Prop, PropKey};
use crate::string::JsStr;
use crate::value::{Sym, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IterKind {
    Keys,
    Values,
    Entries,
}

#[derive(Debug)]
pub enum ObjectKind {
    Ordinary,
    /// An ordinary object made by `\[\[Construct\]\]` of a JS function: remembers the name of the
    /// `new.target` function, as V8's map constructor does (`%GetConstructorName`, shown by
    /// inspect when the prototype chain has no usable `constructor`). Otherwise ordinary.
    Instance(crate::string::JsStr),
    /// An Array exotic object. `elements` holds indices below its length densely; `length`
    /// is authoritative (it may exceed the dense part).
    Array {
        length: u32,
        length_writable: bool,
    },
    Closure(Box<Closure>),
    Native(Box<NativeFunction>),
    Bound(Box<BoundFunction>),
    Error,
    Boolean(bool),
    Number(f64),
    /// A BigInt wrapper object (`Object(1n)`): \[\[BigIntData\]\].
    BigInt(std::rc::Rc<num_bigint::BigInt>),
    String(JsStr),
    Symbol(Sym),
    Map(Box<MapData>),
    Set(Box<MapData>),
    WeakMap(Box<WeakCollectionData>),
    WeakSet(Box<WeakCollectionData>),
    Generator(Box<GeneratorData>),
    /// An async function activation or an async generator object.
    Async(Box<crate::interp::generator::AsyncData>),
    Promise(Box<crate::interp::jobs::PromiseData>),
    /// A host object known by an integer id, holding no JS values (the Node host's `Timeout`
    /// and `Immediate` objects carry their timer id here).
    HostId(u64),
    /// An `Intl.*` service object (its resolved options; holds no JS values).
    Intl(Box<crate::builtins::intl::IntlData>),
    /// An `arguments` object. Unmapped (strict code, non-simple parameters): `None`, the
    /// elements hold the values. Mapped (a sloppy function with simple parameters, ECMA-262
    /// §10.4.4): the indices that alias a parameter are holes in the elements and their
    /// values live in the function's environment ([`ArgumentsMap`]).
    Arguments(Option<Box<ArgumentsMap>>),
    ArrayIterator {
        target: Value,
        index: u32,
        kind: IterKind,
    },
    MapIterator {
        map: Obj,
        index: usize,
        kind: IterKind,
    },
    SetIterator {
        set: Obj,
        index: usize,
        kind: IterKind,
    },
    StringIterator {
        s: JsStr,
        index: usize,
    },
    /// An iterator helper (`iter.map(f)`, ...): a built-in generator-like object with brand
    /// "Iterator Helper" (see `builtins::iterator`).
    IteratorHelper(Box<crate::builtins::iterator::IteratorHelper>),
    /// An object of %WrapForValidIteratorPrototype% (`Iterator.from`): \[\[Iterated\]\].
    WrapForValidIterator(Box<crate::interp::iter::IteratorRecord>),
    /// A DisposeCapability: a `DisposableStack`, an `AsyncDisposableStack`, or the hidden
    /// capability of a scope with `using` declarations.
    DisposableStack(Box<crate::interp::dispose::DisposeCapability>),
    /// An `AsyncDisposableStack.prototype.disposeAsync` call between its `Await`s.
    DisposeAsync(Box<crate::interp::dispose::DisposeJob>),
    /// The state of an `Array.fromAsync` call between its `Await`s.
    FromAsync(Box<crate::builtins::array_from_async::FromAsyncState>),
    /// Iterator over an object's enumerable string keys, for `for-in`.
    ForInIterator(Box<ForInState>),
    Date(f64),
    /// A RegExp instance (\[\[OriginalSource\]\], \[\[OriginalFlags\]\], \[\[RegExpMatcher\]\]).
    RegExp(Box<crate::builtins::regexp::RegExpData>),
    /// Internal: holds an arbitrary value list (used by built-ins as private state).
    Internal(Vec<Value>),
    /// A Proxy exotic object (`src/interp/proxy.rs`). Its own property storage stays empty
    /// (apart from private elements), its `proto` is `None` and it is marked non-extensible,
    /// so code reading `ObjectData` directly sees nothing; every internal method goes through
    /// the handler.
    Proxy(Box<crate::interp::proxy::ProxyData>),
    /// An ArrayBuffer or SharedArrayBuffer: owns the bytes every view reads.
    ArrayBuffer(Box<crate::builtins::array_buffer::ArrayBufferData>),
    /// A TypedArray exotic object (`builtins/typed_array.rs`): its integer-indexed elements
    /// live in the viewed buffer, never in `elements` or `props`.
    TypedArray(Box<crate::builtins::typed_array::TypedArrayData>),
    /// A DataView.
    DataView(Box<crate::builtins::data_view::DataViewData>),
    /// A WeakRef: \[\[WeakRefTarget\]\] (not traced: weak).
    WeakRef(crate::builtins::weak_ref::WeakTarget),
    /// A FinalizationRegistry (its callback and held values are traced; targets are weak).
    FinalizationRegistry(Box<crate::builtins::weak_ref::FinalizationRegistryData>),
}

#[derive(Debug)]
pub struct ForInState {
    pub object: Option<Obj>,
    /// The keys to visit, computed when the loop starts.
    pub keys: Vec<PropKey>,
    pub pos: usize,
}

/// The parameter map of a mapped arguments object (CreateMappedArgumentsObject): index `i`
/// aliases the parameter binding in `env`'s slot while `slots[i]` is `Some`. The property's
/// enumerable and configurable attributes are kept here (a mapped property is always a
/// writable data property: made read-only or an accessor, it leaves the map and becomes an
/// ordinary property holding the value it had).
pub struct ArgumentsMap {
    pub env: crate::interp::scope::Env,
    pub slots: Vec<Option<(u32, Attrs)>>,
}

impl std::fmt::Debug for ArgumentsMap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArgumentsMap")
            .field("slots", &self.slots)
            .finish()
    }
}

impl ArgumentsMap {
    /// The environment slot and attributes of index `key`, while it is mapped.
    pub fn mapped(&self, key: &PropKey) -> Option<(u32, Attrs)> {
        match key {
            PropKey::Index(i) => self.slots.get(*i as usize).copied().flatten(),
            _ => None,
        }
    }
}

impl ObjectKind {
    pub fn is_callable(&self) -> bool {
        match self {
            ObjectKind::Closure(_) | ObjectKind::Native(_) | ObjectKind::Bound(_) => true,
            ObjectKind::Proxy(p) => p.callable,
            _ => false,
        }
    }

    #[inline]
    pub fn is_proxy(&self) -> bool {
        matches!(self, ObjectKind::Proxy(_))
    }

    pub fn is_constructor(&self) -> bool {
        match self {
            ObjectKind::Closure(c) => c.is_constructor(),
            ObjectKind::Native(n) => n.ctor,
            ObjectKind::Bound(b) => b.target.is_constructor(),
            ObjectKind::Proxy(p) => p.constructor,
            _ => false,
        }
    }

    pub fn is_array(&self) -> bool {
        matches!(self, ObjectKind::Array { .. })
    }

    #[inline]
    pub fn is_typed_array(&self) -> bool {
        matches!(self, ObjectKind::TypedArray(_))
    }

    /// May `elements` grow by appending (arrays, ordinary objects, arguments)?
    pub fn elements_may_grow(&self) -> bool {
        match self {
            ObjectKind::Array {
                length_writable, ..
            } => *length_writable,
            ObjectKind::String(_) => false,
            _ => true,
        }
    }

    /// Keeps an array's `length` above every index written.
    pub fn note_index_written(&mut self, i: u32) {
        if let ObjectKind::Array { length, .. } = self {
            if i >= *length {
                *length = i + 1;
            }
        }
    }

    pub fn exotic_own_property(&self, key: &PropKey) -> Option<Prop> {
        match (self, key) {
            (
                ObjectKind::Array {
                    length,
                    length_writable,
                },
                PropKey::Str(s),
            ) if s.units() == LENGTH => Some(Prop::data(
                Value::Number(*length as f64),
                Attrs::new(*length_writable, false, false),
            )),
            (ObjectKind::String(s), PropKey::Str(k)) if k.units() == LENGTH => {
                Some(Prop::data(Value::Number(s.len() as f64), Attrs::NONE))
            }
            (ObjectKind::String(s), PropKey::Index(i)) if (*i as usize) < s.len() => {
                Some(Prop::data(
                    Value::String(s.slice(*i as usize, *i as usize + 1)),
                    Attrs::new(false, true, false),
                ))
            }
            // A mapped arguments object's [[GetOwnProperty]]: the parameter's current value.
            (ObjectKind::Arguments(Some(m)), key) => {
                let (slot, attrs) = m.mapped(key)?;
                Some(Prop::data(m.env.get(0, slot), attrs))
            }
            // The TypedArray [[GetOwnProperty]]: a canonical numeric key is the element
            // (writable, enumerable, configurable) or nothing.
            (ObjectKind::TypedArray(ta), key) => {
                let index = crate::builtins::typed_array::canonical_numeric_index(key)?;
                ta.get_element(index).map(|v| Prop::data(v, Attrs::DEFAULT))
            }
            _ => None,
        }
    }

    pub fn has_exotic_nonconfigurable(&self, key: &PropKey) -> bool {
        self.exotic_own_property(key)
            .is_some_and(|p| !p.attrs.configurable())
    }

    pub fn exotic_index_keys(&self, out: &mut Vec<u32>) {
        match self {
            ObjectKind::String(s) => out.extend(0..s.len() as u32),
            ObjectKind::Arguments(Some(m)) => {
                out.extend((0..m.slots.len() as u32).filter(|i| m.slots[*i as usize].is_some()))
            }
            // The TypedArray [[OwnPropertyKeys]]: the indices below its length when in bounds.
            ObjectKind::TypedArray(ta) => {
                if let Some(len) = ta.length() {
                    // Past V8's key limit the interpreter's [[OwnPropertyKeys]] throws
                    // first; the cap keeps other callers from an allocation abort.
                    let len = len.min(crate::builtins::typed_array::MAX_ENUMERABLE_KEYS);
                    out.extend(0..len as u32);
                }
            }
            _ => {}
        }
    }

    pub fn exotic_string_keys(&self, out: &mut Vec<PropKey>) {
        match self {
            ObjectKind::Array { .. } | ObjectKind::String(_) => {
                out.push(PropKey::Str(JsStr::intern("length")))
            }
            _ => {}
        }
    }

    pub fn trace(&self, t: &mut Tracer) {
        match self {
            ObjectKind::Closure(c) => c.trace(t),
            ObjectKind::Arguments(Some(m)) => t.edge(&m.env.0),
            ObjectKind::Native(n) => {
                for v in &n.captures {
                    trace_value(v, t);
                }
            }
            ObjectKind::Bound(b) => {
                t.edge(&b.target.0);
                trace_value(&b.this, t);
                for v in &b.args {
                    trace_value(v, t);
                }
            }
            ObjectKind::Map(m) | ObjectKind::Set(m) => m.trace(t),
            ObjectKind::WeakMap(m) | ObjectKind::WeakSet(m) => m.trace(t),
            ObjectKind::Generator(g) => g.trace(t),
            ObjectKind::Async(a) => a.trace(t),
            ObjectKind::Promise(p) => p.trace(t),
            ObjectKind::ArrayIterator { target, .. } => trace_value(target, t),
            ObjectKind::IteratorHelper(h) => h.trace(t),
            ObjectKind::WrapForValidIterator(r) => r.trace(t),
            ObjectKind::FromAsync(s) => s.trace(t),
            ObjectKind::DisposableStack(c) => c.trace(t),
            ObjectKind::DisposeAsync(j) => j.trace(t),
            ObjectKind::MapIterator { map, .. } => t.edge(&map.0),
            ObjectKind::SetIterator { set, .. } => t.edge(&set.0),
            ObjectKind::ForInIterator(s) => {
                if let Some(o) = &s.object {
                    t.edge(&o.0);
                }
            }
            ObjectKind::Internal(vs) => {
                for v in vs {
                    trace_value(v, t);
                }
            }
            ObjectKind::Proxy(p) => {
                if let Some(o) = &p.target {
                    t.edge(&o.0);
                }
                if let Some(o) = &p.handler {
                    t.edge(&o.0);
                }
            }
            ObjectKind::ArrayBuffer(b) => trace_value(&b.detach_key, t),
            ObjectKind::TypedArray(ta) => t.edge(&ta.buffer.0),
            ObjectKind::DataView(d) => t.edge(&d.buffer.0),
            ObjectKind::FinalizationRegistry(r) => r.trace(t),
            _ => {}
        }
    }
}
