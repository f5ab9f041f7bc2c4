//! `Map`, `Set`, `WeakMap`, `WeakSet` and their storage.
//!
//! [`MapData`] keeps entries in insertion order in a vector with tombstones, plus a hash index
//! keyed by SameValueZero. Iterators hold a position into the vector, so entries added during
//! iteration are visited and deleted ones skipped, as the spec requires.

use rustc_hash::FxHashMap;

use crate::gc::Tracer;
use crate::interp::Interp;
use crate::object::trace_value;
use crate::string::JsStr;
use crate::value::Value;

/// A SameValueZero-hashable form of a value.
#[derive(Hash, PartialEq, Eq, Debug, Clone)]
pub enum HashKey {
    Undefined,
    Null,
    Bool(bool),
    Num(u64),
    Str(JsStr),
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
            Value::Symbol(s) => HashKey::Ptr(std::rc::Rc::as_ptr(&s.0) as *const u8 as usize),
            Value::Object(o) => HashKey::Ptr(o.addr()),
        }
    }
}

#[derive(Default, Debug)]
pub struct MapData {
    /// `None` marks a deleted entry (tombstone).
    pub entries: Vec<Option<(Value, Value)>>,
    index: FxHashMap<HashKey, usize>,
    live: usize,
}

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
            Value::Number(n) if n == 0.0 => Value::Number(0.0),
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
}

pub fn init(_it: &mut Interp) {}
