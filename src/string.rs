//! `JsStr`: an immutable JavaScript string (a sequence of UTF-16 code units).
//!
//! JavaScript strings are UTF-16: `length`, indexing and `charCodeAt` count code units, and lone
//! surrogates are legal. We store the code units directly so those operations are O(1) and exact.
//! A `JsStr` is a thin reference-counted pointer (8 bytes), so `Value` stays 16 bytes.
//!
//! Names that appear in source text or in built-in property names are *interned*
//! ([`JsStr::intern`]): equal names share one allocation, so property lookup usually succeeds on
//! the pointer comparison before comparing contents. Strings computed at run time are not
//! interned (that table would grow without bound); they compare by content.

use std::cell::RefCell;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use rustc_hash::FxHashMap;

#[derive(Clone)]
pub struct JsStr(Rc<Box<[u16]>>);

thread_local! {
    static INTERNER: RefCell<FxHashMap<Box<[u16]>, JsStr>> = RefCell::new(FxHashMap::default());
    static EMPTY: JsStr = JsStr(Rc::new(Box::new([])));
}

impl JsStr {
    /// The empty string (shared).
    pub fn empty() -> JsStr {
        EMPTY.with(|e| e.clone())
    }

    pub fn from_units(units: Vec<u16>) -> JsStr {
        JsStr(Rc::new(units.into_boxed_slice()))
    }

    /// Returns the shared instance for this name, creating it on first use.
    pub fn intern(s: &str) -> JsStr {
        let units: Vec<u16> = s.encode_utf16().collect();
        Self::intern_units(&units)
    }

    pub fn intern_units(units: &[u16]) -> JsStr {
        INTERNER.with(|t| {
            let mut t = t.borrow_mut();
            if let Some(s) = t.get(units) {
                return s.clone();
            }
            let s = JsStr(Rc::new(units.to_vec().into_boxed_slice()));
            t.insert(units.to_vec().into_boxed_slice(), s.clone());
            s
        })
    }

    #[inline]
    pub fn units(&self) -> &[u16] {
        &self.0
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    #[inline]
    pub fn ptr_eq(a: &JsStr, b: &JsStr) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }

    pub fn concat(&self, other: &JsStr) -> JsStr {
        if other.is_empty() {
            return self.clone();
        }
        if self.is_empty() {
            return other.clone();
        }
        let mut v = Vec::with_capacity(self.len() + other.len());
        v.extend_from_slice(self.units());
        v.extend_from_slice(other.units());
        JsStr::from_units(v)
    }

    pub fn slice(&self, start: usize, end: usize) -> JsStr {
        if start == 0 && end == self.len() {
            return self.clone();
        }
        JsStr::from_units(self.units()[start..end].to_vec())
    }

    /// Lossy conversion for output: lone surrogates become U+FFFD, as when Node writes to stdout.
    pub fn to_rust_string(&self) -> String {
        String::from_utf16_lossy(self.units())
    }

    /// True if every code unit is ASCII (a common fast path for formatting).
    pub fn is_ascii(&self) -> bool {
        self.units().iter().all(|&u| u < 0x80)
    }

    /// If this string is a canonical array index ("0".."4294967294"), returns it.
    pub fn as_array_index(&self) -> Option<u32> {
        array_index_of(self.units())
    }
}

/// CanonicalNumericIndexString restricted to array indices: digits only, no leading zeros,
/// value < 2^32 - 1.
pub fn array_index_of(u: &[u16]) -> Option<u32> {
    if u.is_empty() || u.len() > 10 {
        return None;
    }
    if u[0] == b'0' as u16 {
        return if u.len() == 1 { Some(0) } else { None };
    }
    let mut n: u64 = 0;
    for &c in u {
        if !(b'0' as u16..=b'9' as u16).contains(&c) {
            return None;
        }
        n = n * 10 + (c - b'0' as u16) as u64;
    }
    if n < u32::MAX as u64 {
        Some(n as u32)
    } else {
        None
    }
}

impl PartialEq for JsStr {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || self.units() == other.units()
    }
}
impl Eq for JsStr {}

impl Hash for JsStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.units().hash(state)
    }
}

impl PartialOrd for JsStr {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for JsStr {
    /// Code-unit order, as the spec's IsLessThan on strings.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.units().cmp(other.units())
    }
}

impl fmt::Debug for JsStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.to_rust_string())
    }
}

impl fmt::Display for JsStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rust_string())
    }
}

impl From<&str> for JsStr {
    fn from(s: &str) -> JsStr {
        JsStr::from_units(s.encode_utf16().collect())
    }
}

impl From<String> for JsStr {
    fn from(s: String) -> JsStr {
        JsStr::from(s.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_shares_allocation() {
        let a = JsStr::intern("hello");
        let b = JsStr::intern("hello");
        assert!(JsStr::ptr_eq(&a, &b));
        assert_eq!(a, JsStr::from("hello"));
    }

    #[test]
    fn utf16_length() {
        assert_eq!(JsStr::from("😀").len(), 2);
        assert_eq!(JsStr::from("abc").len(), 3);
    }

    #[test]
    fn array_indices() {
        assert_eq!(array_index_of(JsStr::from("0").units()), Some(0));
        assert_eq!(JsStr::from("42").as_array_index(), Some(42));
        assert_eq!(JsStr::from("042").as_array_index(), None);
        assert_eq!(JsStr::from("4294967294").as_array_index(), Some(4294967294));
        assert_eq!(JsStr::from("4294967295").as_array_index(), None);
        assert_eq!(JsStr::from("-1").as_array_index(), None);
    }
}
