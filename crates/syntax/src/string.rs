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
//!
//! Concatenation is O(1) for long results: the result is a rope node (V8's ConsString) that
//! is flattened lazily, once, when its code units are first needed; see [`JsStr::concat`]
//! and `JsStr::flatten`. `len()` never flattens.

use std::cell::{Cell, OnceCell, RefCell};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use rustc_hash::FxHashMap;

/// Concatenations whose result is shorter than this are copied at once; longer ones become
/// rope nodes. Copying a few hundred bytes costs less than a node plus a later flatten, and
/// the quadratic cost of repeated appends only matters for long strings.
pub const ROPE_MIN_LEN: usize = 128;

/// Substrings at least this long share their parent's code units instead of copying them
/// ([`JsStr::slice`]); shorter ones are copied (V8's `SlicedString::kMinLength` is 13).
pub const SLICE_MIN_LEN: usize = 16;

/// The longest leaf [`JsStr::concat`] makes by joining a short piece to the short end of a
/// rope: each append copies at most this many units, and a rope built by small appends
/// holds one node and one leaf per this many units.
pub const LEAF_MAX_LEN: usize = 256;

#[derive(Clone)]
pub struct JsStr(Rc<Inner>);

/// A string's header: its length and [`Body`]. 40 bytes, so a string of up to
/// [`INLINE_LEN`] units is one 64-byte allocation with its `Rc` counts (glibc's chunk):
/// short strings (property keys, split pieces, numbers as strings) are most strings, and a
/// header with a separate buffer was 96 + 32 bytes.
struct Inner {
    /// Length in code units (known without flattening), with [`INTERNED`] set on the
    /// interner's own copy of a name.
    len: Cell<usize>,
    body: Body,
}

/// The longest string whose units are stored in its header.
const INLINE_LEN: usize = 12;

/// Where a string's units are. A flat string holds them (inline up to [`INLINE_LEN`]
/// units); a *slice* names a flat string and the offset of its units there, and keeps that
/// base alive; a *rope* holds the two strings it is the concatenation of until it is first
/// read, when it is flattened once into a flat string kept in `flat` (set once and never
/// changed again, which is what lets [`JsStr::units`] hand out a plain `&[u16]`) and the
/// parts are released.
enum Body {
    Inline([u16; INLINE_LEN]),
    Heap(Vec<u16>),
    /// `(base, offset)`: `base` is flat, this string is `base.units()[offset..offset + len]`.
    Slice(JsStr, usize),
    Rope {
        parts: Cell<Option<(JsStr, JsStr)>>,
        flat: OnceCell<JsStr>,
        /// The units of the short pieces appended last, one node each (see
        /// [`JsStr::concat`]).
        pending: u32,
    },
}

const _: () = assert!(std::mem::size_of::<Inner>() == 40);

/// The bit of [`Inner::len`] that marks the interner's copy of a name: no other string
/// with the same code units has it, so two marked strings are equal exactly when they are
/// the same allocation (property lookup compares keys without reading their units).
const INTERNED: usize = 1 << (usize::BITS - 1);

/// The bit of [`Inner::len`] that marks an interned name made of ASCII units only: its
/// UTF-8 length is its length (a member call's position needs the UTF-8 length of the
/// property name on every call, issue #12).
const ASCII_NAME: usize = 1 << (usize::BITS - 2);

/// The bits of [`Inner::len`] that hold the length.
const LEN_MASK: usize = !(INTERNED | ASCII_NAME);

/// Room reserved in the interner tables up front: 896 names, 1 024 buckets each (hashbrown
/// fills a table to 7/8). A realm interns ~790 names as it starts (`jsgen -e ''`, session
/// 17: the lazy methods' names are made on first use), so start-up does not rehash; a
/// script's own names grow the tables as any map grows. 3 000 (4 096 buckets) was sized
/// for the ~2 000 names of an older start-up and cost 130 KB of heap, all of it touched.
const INITIAL_NAMES: usize = 896;

thread_local! {
    /// Interned strings, looked up by their code units (`JsStr: Borrow<[u16]>`).
    // Sized for the names a realm interns as it starts (see `INITIAL_NAMES`), so start-up
    // does not rehash the tables as they grow.
    static INTERNER: Leakable<NameTable> = Leakable(RefCell::new(
        NameTable::with_capacity(INITIAL_NAMES),
    ));
    /// The same interned strings keyed by their Rust text, so [`JsStr::intern`] of a name
    /// seen before (`PropKey::from("done")` on every iterator step) is one hash lookup,
    /// with no UTF-16 conversion and no allocation. A name joins it on its second
    /// [`JsStr::intern`]: most of the realm's names are interned once, at start-up.
    static STR_INTERNER: Leakable<FxHashMap<Box<str>, JsStr>> = Leakable(RefCell::new(
        FxHashMap::with_capacity_and_hasher(INITIAL_NAMES, Default::default()),
    ));
    static EMPTY: JsStr = JsStr::from_units(Vec::new());
    /// The one-unit Latin-1 strings, each made on first use.
    static LATIN1: [OnceCell<JsStr>; 256] = const { [const { OnceCell::new() }; 256] };
    /// Set by [`leak_interned_at_thread_exit`].
    static LEAK_AT_EXIT: Cell<bool> = const { Cell::new(false) };
}

/// A thread-local table that, once [`leak_interned_at_thread_exit`] was called on its
/// thread, is not freed when the thread ends.
struct Leakable<T: Default>(RefCell<T>);

impl<T: Default> std::ops::Deref for Leakable<T> {
    type Target = RefCell<T>;
    fn deref(&self) -> &RefCell<T> {
        &self.0
    }
}

impl<T: Default> Drop for Leakable<T> {
    fn drop(&mut self) {
        if LEAK_AT_EXIT.with(|l| l.get()) {
            std::mem::forget(std::mem::take(self.0.get_mut()));
        }
    }
}

/// The interner's table: each name is stored with its hash, so growing the table rehashes
/// from the stored hashes instead of re-reading every name's units (two dependent cache
/// misses a name: 10^6 function names spent ~8 % of their run rehashing; issue #12), and a
/// probe compares the full hash before it reads a candidate's units.
#[derive(Default)]
struct NameTable(hashbrown::HashTable<(u64, JsStr)>);

impl NameTable {
    fn with_capacity(n: usize) -> NameTable {
        NameTable(hashbrown::HashTable::with_capacity(n))
    }

    /// The interned string with these units, and whether it existed before; a new name is
    /// made by `make` from `units` (a slice or a buffer the new string keeps).
    fn get_or_insert<U: AsRef<[u16]>>(
        &mut self,
        units: U,
        make: impl FnOnce(U) -> JsStr,
    ) -> (JsStr, bool) {
        let h = hash_units(units.as_ref());
        if let Some((_, s)) = self
            .0
            .find(h, |(eh, s)| *eh == h && s.units() == units.as_ref())
        {
            return (s.clone(), true);
        }
        let s = make(units);
        s.mark_interned();
        self.0.insert_unique(h, (h, s.clone()), |e| e.0);
        (s, false)
    }
}

/// The hash a [`NameTable`] (and the tables of names elsewhere in the front end) keep.
pub fn hash_units(units: &[u16]) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    units.hash(&mut h);
    h.finish()
}

/// Leaves this thread's interned strings allocated when the thread ends, for a thread whose
/// end is the process's end (the `jsgen` command's interpreter thread): freeing ~2 000
/// names one by one was 0.29 M instructions, 7 % of `jsgen -e ''`.
pub fn leak_interned_at_thread_exit() {
    LEAK_AT_EXIT.with(|l| l.set(true));
}

/// The shared one-unit string for a Latin-1 unit.
fn latin1(u: u8) -> JsStr {
    LATIN1.with(|t| {
        t[u as usize]
            .get_or_init(|| JsStr::new_flat(vec![u as u16]))
            .clone()
    })
}

impl JsStr {
    /// The empty string (shared).
    pub fn empty() -> JsStr {
        EMPTY.with(|e| e.clone())
    }

    pub fn from_units(mut units: Vec<u16>) -> JsStr {
        // One-character Latin-1 strings are shared, as V8's single-character string table:
        // `s.split('')`, `s[i]` and `charAt` make one per character, and 33 million separate
        // ones took 4 GB.
        if let [u @ 0..=0xFF] = units[..] {
            return latin1(u as u8);
        }
        if units.len() <= INLINE_LEN {
            return Self::inline_of(&units);
        }
        // Callers build `units` with pushes; do not keep their spare capacity around.
        if units.capacity() > units.len() + units.len() / 8 + 8 {
            units.shrink_to_fit();
        }
        Self::new_flat(units)
    }

    /// The string as `&str` in `buf` when it is ASCII and at most 16 units long (every
    /// keyword and reserved word is): checks of identifiers against them allocate nothing.
    pub fn as_short_ascii<'b>(&self, buf: &'b mut [u8; 16]) -> Option<&'b str> {
        let u = self.units();
        if u.len() > buf.len() || u.iter().any(|&c| c >= 0x80) {
            return None;
        }
        for (b, &c) in buf.iter_mut().zip(u) {
            *b = c as u8;
        }
        std::str::from_utf8(&buf[..u.len()]).ok()
    }

    /// [`JsStr::as_short_ascii`] for a name that can be a keyword or reserved word (2 to 10
    /// lowercase ASCII letters, `do` to `instanceof`): the keyword checks of other names
    /// (`a`, `f0`, `fooBar`) end at once.
    pub fn as_keyword_candidate<'b>(&self, buf: &'b mut [u8; 16]) -> Option<&'b str> {
        let u = self.units();
        if !(2..=10).contains(&u.len()) || !u.iter().all(|c| (97..=122).contains(c)) {
            return None;
        }
        self.as_short_ascii(buf)
    }

    /// The one-unit string (shared for Latin-1, as in [`JsStr::from_units`]).
    pub fn from_unit(u: u16) -> JsStr {
        if u <= 0xFF {
            return latin1(u as u8);
        }
        Self::new_flat(vec![u])
    }

    fn new_flat(units: Vec<u16>) -> JsStr {
        let len = units.len();
        if len <= INLINE_LEN {
            return Self::inline_of(&units);
        }
        JsStr(Rc::new(Inner {
            len: Cell::new(len),
            body: Body::Heap(units),
        }))
    }

    /// A string of at most [`INLINE_LEN`] units, stored in its header.
    fn inline_of(units: &[u16]) -> JsStr {
        let mut a = [0; INLINE_LEN];
        let len = units.len().min(INLINE_LEN);
        a[..len].copy_from_slice(&units[..len]);
        Self::inline(a, len)
    }

    #[inline]
    fn inline(a: [u16; INLINE_LEN], len: usize) -> JsStr {
        JsStr(Rc::new(Inner {
            len: Cell::new(len),
            body: Body::Inline(a),
        }))
    }

    /// A flat string of these units ([`JsStr::from_units`] without a `Vec` for a short
    /// one).
    pub fn from_slice(units: &[u16]) -> JsStr {
        match units {
            [u @ 0..=0xFF] => latin1(*u as u8),
            _ if units.len() <= INLINE_LEN => Self::inline_of(units),
            _ => Self::new_flat(units.to_vec()),
        }
    }

    /// A flat string of Latin-1 units given as bytes (ASCII text: one unit per byte, widened
    /// in one copy instead of decoded as UTF-8).
    fn from_latin1(bytes: &[u8]) -> JsStr {
        match bytes {
            [b] => latin1(*b),
            _ if bytes.len() <= INLINE_LEN => {
                let mut a = [0; INLINE_LEN];
                for (u, &b) in a.iter_mut().zip(bytes) {
                    *u = u16::from(b);
                }
                Self::inline(a, bytes.len())
            }
            _ => Self::new_flat(bytes.iter().map(|&b| u16::from(b)).collect()),
        }
    }

    /// Returns the shared instance for this name, creating it on first use.
    pub fn intern(s: &str) -> JsStr {
        if let Some(j) = STR_INTERNER.with(|t| t.borrow().get(s).cloned()) {
            return j;
        }
        // A name is almost always ASCII: one unit per byte. A short one is widened on the
        // stack, so a name stored in its header (most are) costs no buffer to look up or make.
        let (j, seen) = if s.is_ascii() && s.len() <= INLINE_LEN {
            let mut buf = [0u16; INLINE_LEN];
            for (u, b) in buf.iter_mut().zip(s.bytes()) {
                *u = u16::from(b);
            }
            let units = &buf[..s.len()];
            INTERNER.with(|t| t.borrow_mut().get_or_insert(units, JsStr::from_slice))
        } else {
            let mut units: Vec<u16> = Vec::with_capacity(s.len());
            if s.is_ascii() {
                units.extend(s.bytes().map(u16::from));
            } else {
                units.extend(s.encode_utf16());
            }
            INTERNER.with(|t| t.borrow_mut().get_or_insert(units, JsStr::from_units))
        };
        // The text joins the fast table on its second use (see `STR_INTERNER`).
        if seen {
            STR_INTERNER.with(|t| t.borrow_mut().insert(s.into(), j.clone()));
        }
        j
    }

    pub fn intern_units(units: &[u16]) -> JsStr {
        INTERNER.with(|t| t.borrow_mut().get_or_insert(units, JsStr::from_slice).0)
    }

    /// [`JsStr::intern_units`] taking the units by value: a new name keeps this buffer.
    pub fn intern_owned(units: Vec<u16>) -> JsStr {
        INTERNER.with(|t| t.borrow_mut().get_or_insert(units, JsStr::from_units).0)
    }

    /// Marks the interner's copy of a name (see [`INTERNED`]).
    fn mark_interned(&self) {
        let ascii = if self.units().iter().all(|&c| c < 0x80) {
            ASCII_NAME
        } else {
            0
        };
        self.0.len.set(self.0.len.get() | INTERNED | ascii);
    }

    /// Whether this is the interner's copy of its name: another string with the same units
    /// is then either this very allocation or not interned.
    #[inline]
    pub fn is_interned(&self) -> bool {
        self.0.len.get() & INTERNED != 0
    }

    /// Equality of two strings: the same allocation, or neither the interner's copy of a
    /// different name, and the same code units.
    #[inline]
    pub fn same_string(&self, other: &JsStr) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
            || (!(self.is_interned() && other.is_interned()) && self.same_units(other))
    }

    /// Whether the two strings have the same code units. Property lookup compares keys
    /// that are usually different names of one length (`x`, `y`): the lengths and first
    /// units are compared inline before the rest, so most misses make no `memcmp` call
    /// (which was 2 % of objects.js).
    #[inline]
    pub fn same_units(&self, other: &JsStr) -> bool {
        if self.len() != other.len() {
            return false;
        }
        let (a, b) = (self.units(), other.units());
        match (a.split_first(), b.split_first()) {
            (Some((x, a)), Some((y, b))) => x == y && a == b,
            _ => true,
        }
    }

    /// The code units (flattening a rope on first use).
    #[inline(always)]
    pub fn units(&self) -> &[u16] {
        match &self.0.body {
            Body::Heap(v) => v,
            Body::Inline(a) => a.get(..self.len()).unwrap_or(&[]),
            _ => self.unflat_units(),
        }
    }

    /// The units of a slice (borrowed from its base) or of a rope (flattened on first use).
    fn unflat_units(&self) -> &[u16] {
        match &self.0.body {
            Body::Slice(base, off) => base.units().get(*off..*off + self.len()).unwrap_or(&[]),
            Body::Rope { flat, .. } => match flat.get() {
                Some(f) => f.units(),
                None => self.flatten(),
            },
            Body::Heap(v) => v,
            Body::Inline(a) => a.get(..self.len()).unwrap_or(&[]),
        }
    }

    /// The units if they are available without flattening.
    fn leaf_units(&self) -> Option<&[u16]> {
        match &self.0.body {
            Body::Rope { flat, .. } if flat.get().is_none() => None,
            _ => Some(self.units()),
        }
    }

    /// The flat string a flattened rope keeps.
    fn flattened(&self) -> Option<&JsStr> {
        match &self.0.body {
            Body::Rope { flat, .. } => flat.get(),
            _ => None,
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.0.len.get() & LEN_MASK
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    pub fn ptr_eq(a: &JsStr, b: &JsStr) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }

    /// The address of this string's shared allocation: an identity key while the string is
    /// held (a cache that keys by it must keep a clone).
    pub fn addr(&self) -> usize {
        Rc::as_ptr(&self.0) as *const u8 as usize
    }

    /// True while this string is an unflattened rope (for tests and diagnostics).
    pub fn is_rope(&self) -> bool {
        matches!(&self.0.body, Body::Rope { flat, .. } if flat.get().is_none())
    }

    /// True for a string that shares its base's code units (for tests and diagnostics).
    pub fn is_slice(&self) -> bool {
        matches!(self.0.body, Body::Slice(..))
    }

    /// `self + other`. Short results are copied; long ones are O(1) rope nodes, flattened
    /// when first read. The caller checks the maximum string length.
    pub fn concat(&self, other: &JsStr) -> JsStr {
        if other.is_empty() {
            return self.clone();
        }
        if self.is_empty() {
            return other.clone();
        }
        let len = self.len() + other.len();
        if len <= INLINE_LEN {
            let mut a = [0; INLINE_LEN];
            let (x, y) = (self.units(), other.units());
            a[..x.len()].copy_from_slice(x);
            a[x.len()..len].copy_from_slice(y);
            return Self::inline(a, len);
        }
        if len < ROPE_MIN_LEN {
            let mut v = Vec::with_capacity(len);
            v.extend_from_slice(self.units());
            v.extend_from_slice(other.units());
            return JsStr::from_units(v);
        }
        // Short pieces appended one by one: each append is one node, and once the pieces
        // appended since the last gathering reach LEAF_MAX_LEN units they are copied into
        // one leaf under one node, so the rope keeps one node and one leaf per ~LEAF_MAX_LEN
        // units instead of a node per append (400 000 appends of "ab" held 38 MB of nodes
        // until read). A short piece prepended to a rope whose first part is a short leaf
        // joins that leaf.
        if other.len() < ROPE_MIN_LEN {
            let pending = self.pending_len() + other.len();
            if pending >= LEAF_MAX_LEN {
                return self.gather_appended(other, pending, len);
            }
            return Self::node_pending(self.clone(), other.clone(), len, pending as u32);
        } else if self.len() < ROPE_MIN_LEN {
            if let Some((l, r)) = other.rope_parts() {
                if self.len() + l.len() <= LEAF_MAX_LEN {
                    let leaf = Self::joined_leaf(self, &l);
                    return Self::node(leaf, r, len);
                }
            }
        }
        Self::node(self.clone(), other.clone(), len)
    }

    /// A rope node of `left` and `right`, `len` units long.
    fn node(left: JsStr, right: JsStr, len: usize) -> JsStr {
        Self::node_pending(left, right, len, 0)
    }

    fn node_pending(left: JsStr, right: JsStr, len: usize, pending: u32) -> JsStr {
        JsStr(Rc::new(Inner {
            len: Cell::new(len),
            body: Body::Rope {
                parts: Cell::new(Some((left, right))),
                flat: OnceCell::new(),
                pending,
            },
        }))
    }

    /// The units of the short pieces appended one by one at the end of this rope since the
    /// last gathering (0 for any other string).
    fn pending_len(&self) -> usize {
        match &self.0.body {
            Body::Rope { pending, flat, .. } if flat.get().is_none() => *pending as usize,
            _ => 0,
        }
    }

    /// `self + other` where the last pieces appended to `self` and `other` are `pending`
    /// units: they are copied into one leaf, under one node with the rope below them. The
    /// nodes above stay as they are (`self` may be shared), and are freed with it.
    #[cold]
    fn gather_appended(&self, other: &JsStr, pending: usize, len: usize) -> JsStr {
        let mut buf = vec![0u16; pending];
        let mut end = pending - other.len();
        buf[end..].copy_from_slice(other.units());
        let mut cur = self.clone();
        while end > 0 {
            let Body::Rope { parts, .. } = &cur.0.body else {
                break;
            };
            let p = parts.take();
            let next = match &p {
                Some((l, r)) if r.len() <= end => {
                    buf[end - r.len()..end].copy_from_slice(r.units());
                    end -= r.len();
                    Some(l.clone())
                }
                _ => None,
            };
            parts.set(p);
            match next {
                Some(l) => cur = l,
                None => break,
            }
        }
        if end > 0 {
            // Unreachable: the pending pieces are right parts down the left spine.
            return Self::node(self.clone(), other.clone(), len);
        }
        let leaf = JsStr::new_flat(buf);
        if cur.is_empty() {
            return leaf;
        }
        Self::node(cur, leaf, len)
    }

    /// The parts of an unflattened rope (cloned: the rope keeps them).
    fn rope_parts(&self) -> Option<(JsStr, JsStr)> {
        let Body::Rope { parts, .. } = &self.0.body else {
            return None;
        };
        let p = parts.take();
        let c = p.clone();
        parts.set(p);
        c
    }

    /// One flat string of the units of two short strings (at most [`LEAF_MAX_LEN`] units
    /// together; a short rope among them is flattened, which it would be when read).
    fn joined_leaf(a: &JsStr, b: &JsStr) -> JsStr {
        let mut v = Vec::with_capacity(a.len() + b.len());
        v.extend_from_slice(a.units());
        v.extend_from_slice(b.units());
        JsStr::new_flat(v)
    }

    /// The two parts of a rope node, taken out when `node` is their only owner (the node is
    /// being consumed), cloned otherwise (other owners still need the rope).
    fn parts_of(node: &mut JsStr) -> Option<(JsStr, JsStr)> {
        match Rc::get_mut(&mut node.0) {
            Some(Inner {
                body: Body::Rope { parts, .. },
                ..
            }) => parts.take(),
            _ => node.rope_parts(),
        }
    }

    /// Flattens a rope: one pass over its leaves, left to right, with an explicit stack (ropes
    /// built by a loop are as deep as the loop is long). The parts are released afterwards.
    ///
    /// The buffer of the leftmost leaf is reused when nothing else holds that leaf: in
    /// `s += x` loops the previous value of `s` is owned only by the new rope, so flattening
    /// after every append (a read of `s[i]` in the loop) appends `x` in place, with the
    /// `Vec`'s doubling growth, instead of copying all of `s` each time.
    #[cold]
    fn flatten(&self) -> &[u16] {
        let inner = &*self.0;
        let Body::Rope { parts, flat, .. } = &inner.body else {
            // Unreachable: only ropes are flattened.
            return &[];
        };
        let Some((left, right)) = parts.take() else {
            // Unreachable: a rope without its flat string always has its parts.
            return flat.get_or_init(JsStr::empty).units();
        };
        let total = inner.len.get() & LEN_MASK;
        let mut pending: Vec<JsStr> = vec![right];
        // Walk down the left spine to the leftmost leaf.
        let mut cur = left;
        let mut buf = loop {
            // A flattened rope's flat string stands for it (moved out when the rope is
            // owned only here).
            if cur.flattened().is_some() {
                let owned = match Rc::get_mut(&mut cur.0) {
                    Some(Inner {
                        body: Body::Rope { flat, .. },
                        ..
                    }) => flat.take(),
                    _ => None,
                };
                cur = match owned {
                    Some(f) => f,
                    None => cur.flattened().cloned().unwrap_or_else(JsStr::empty),
                };
            }
            if let Some(Inner {
                body: Body::Heap(v),
                ..
            }) = Rc::get_mut(&mut cur.0)
            {
                let mut v = std::mem::take(v);
                v.reserve(total.saturating_sub(v.len()));
                break v;
            }
            if let Some(units) = cur.leaf_units() {
                let mut v = Vec::with_capacity(total);
                v.extend_from_slice(units);
                break v;
            }
            match Self::parts_of(&mut cur) {
                Some((l, r)) => {
                    pending.push(r);
                    cur = l;
                }
                None => break Vec::with_capacity(total),
            }
        };
        drop(cur);
        while let Some(mut s) = pending.pop() {
            if let Some(units) = s.leaf_units() {
                buf.extend_from_slice(units);
            } else if let Some((l, r)) = Self::parts_of(&mut s) {
                pending.push(r);
                pending.push(l);
            }
        }
        debug_assert_eq!(buf.len(), total);
        flat.get_or_init(|| JsStr::new_flat(buf)).units()
    }

    /// The code units `start..end` (clamped to the string). A result of at least
    /// [`SLICE_MIN_LEN`] units shares this string's units (V8's SlicedString): a lexer that
    /// consumes its input with `src = src.substring(n)` would otherwise copy the rest of the
    /// input on every token, quadratic in the input's length.
    pub fn slice(&self, start: usize, end: usize) -> JsStr {
        let end = end.min(self.len());
        let start = start.min(end);
        if start == 0 && end == self.len() {
            return self.clone();
        }
        let len = end - start;
        if len < SLICE_MIN_LEN {
            return JsStr::from_slice(&self.units()[start..end]);
        }
        // Slice the flat string that holds the units: a slice's base, or this string
        // (flattened first if it is a rope).
        let (base, off) = match &self.0.body {
            Body::Slice(base, off) => (base.clone(), off + start),
            _ => {
                self.units();
                match self.flattened() {
                    Some(f) => (f.clone(), start),
                    None => (self.clone(), start),
                }
            }
        };
        JsStr(Rc::new(Inner {
            len: Cell::new(len),
            body: Body::Slice(base, off),
        }))
    }

    /// Lossy conversion for output: lone surrogates become U+FFFD, as when Node writes to stdout.
    pub fn to_rust_string(&self) -> String {
        String::from_utf16_lossy(self.units())
    }

    /// The length in bytes of [`JsStr::to_rust_string`]'s result, without building it (lone
    /// surrogates count as the 3 bytes of U+FFFD). Source spans are byte offsets, so a member
    /// call's position needs the name's UTF-8 length on every call.
    #[inline]
    pub fn utf8_len(&self) -> usize {
        if self.0.len.get() & ASCII_NAME != 0 {
            return self.len();
        }
        let u = self.units();
        if u.iter().all(|&c| c < 0x80) {
            return u.len();
        }
        char::decode_utf16(u.iter().copied())
            .map(|c| c.map_or(3, char::len_utf8))
            .sum()
    }

    /// True if every code unit is ASCII (a common fast path for formatting).
    pub fn is_ascii(&self) -> bool {
        self.units().iter().all(|&u| u < 0x80)
    }

    /// If this string is a canonical array index ("0".."4294967294"), returns it.
    pub fn as_array_index(&self) -> Option<u32> {
        if self.len() > 10 {
            return None;
        }
        array_index_of(self.units())
    }
}

impl Drop for Inner {
    /// Releases a rope's parts without recursion: a rope built by a loop is a chain as long
    /// as the loop, and dropping it recursively would overflow the native stack.
    fn drop(&mut self) {
        let Body::Rope { parts, .. } = &mut self.body else {
            return;
        };
        let Some((l, r)) = parts.take() else {
            return;
        };
        let mut stack = vec![l, r];
        while let Some(mut s) = stack.pop() {
            if let Some(Inner {
                body: Body::Rope { parts, .. },
                ..
            }) = Rc::get_mut(&mut s.0)
            {
                if let Some((a, b)) = parts.take() {
                    stack.push(a);
                    stack.push(b);
                }
            }
            // `s` is dropped here with no parts left (or is still shared): no recursion.
        }
    }
}

/// Builds a string from pieces (template literals, `String.prototype.concat`): short pieces
/// are copied into one buffer, long ones are joined as rope nodes, so appending to a long
/// string does not copy it.
#[derive(Default)]
pub struct JsStrBuilder {
    acc: Option<JsStr>,
    buf: Vec<u16>,
    len: usize,
}

impl JsStrBuilder {
    pub fn new() -> JsStrBuilder {
        JsStrBuilder::default()
    }

    /// Length in code units of what was pushed so far.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn push(&mut self, s: &JsStr) {
        self.len += s.len();
        if s.len() < ROPE_MIN_LEN {
            self.buf.extend_from_slice(s.units());
            return;
        }
        self.flush();
        self.acc = Some(match self.acc.take() {
            Some(a) => a.concat(s),
            None => s.clone(),
        });
    }

    pub fn push_units(&mut self, u: &[u16]) {
        self.len += u.len();
        self.buf.extend_from_slice(u);
    }

    fn flush(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let b = if self.buf.len() <= INLINE_LEN {
            let b = JsStr::from_slice(&self.buf);
            self.buf.clear();
            b
        } else {
            JsStr::from_units(std::mem::take(&mut self.buf))
        };
        self.acc = Some(match self.acc.take() {
            Some(a) => a.concat(&b),
            None => b,
        });
    }

    pub fn finish(mut self) -> JsStr {
        self.flush();
        self.acc.unwrap_or_else(JsStr::empty)
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
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.same_string(other)
    }
}
impl Eq for JsStr {}

impl Hash for JsStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.units().hash(state)
    }
}

/// Hashes and compares as its code units (see `Hash` and `PartialEq`), so a set of `JsStr`
/// can be searched with a `&[u16]`.
impl std::borrow::Borrow<[u16]> for JsStr {
    fn borrow(&self) -> &[u16] {
        self.units()
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
        // Most texts (names, messages, ASCII string literals) are ASCII: one unit per byte.
        if s.is_ascii() {
            return JsStr::from_latin1(s.as_bytes());
        }
        // At most one unit per byte: a short text fits in the header, with no `Vec`.
        if s.len() <= INLINE_LEN {
            let mut a = [0; INLINE_LEN];
            let mut n = 0;
            for (slot, u) in a.iter_mut().zip(s.encode_utf16()) {
                *slot = u;
                n += 1;
            }
            return JsStr::from_slice(&a[..n]);
        }
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
    fn utf8_len_matches_the_lossy_conversion() {
        for s in ["", "abc", "é", "名前", "😀x"] {
            assert_eq!(JsStr::from(s).utf8_len(), s.len());
        }
        let lone = JsStr::from_units(vec![0xD800, 0x61]);
        assert_eq!(lone.utf8_len(), lone.to_rust_string().len());
    }

    #[test]
    fn interning_shares_allocation() {
        let a = JsStr::intern("hello");
        let b = JsStr::intern("hello");
        assert!(JsStr::ptr_eq(&a, &b));
        assert_eq!(a, JsStr::from("hello"));
    }

    #[test]
    fn utf8_length_of_interned_names() {
        // An interned ASCII name answers from its flag, any other string by counting.
        assert_eq!(JsStr::intern("then").utf8_len(), 4);
        assert_eq!(JsStr::intern("then").len(), 4);
        assert_eq!(JsStr::intern("résumé").utf8_len(), 8);
        assert_eq!(JsStr::intern("résumé").len(), 6);
        assert_eq!(JsStr::intern_units(&[0xD83D, 0xDE00]).utf8_len(), 4);
        assert_eq!(JsStr::intern_units(&[0xD83D]).utf8_len(), 3);
        assert_eq!(JsStr::from("naïve").utf8_len(), 6);
        assert_eq!(JsStr::from("plain").utf8_len(), 5);
    }

    #[test]
    fn utf16_length() {
        assert_eq!(JsStr::from("😀").len(), 2);
        assert_eq!(JsStr::from("abc").len(), 3);
    }

    fn u(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    fn hash_of(s: &JsStr) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        s.hash(&mut h);
        h.finish()
    }

    fn long(c: char) -> String {
        std::iter::repeat_n(c, ROPE_MIN_LEN).collect()
    }

    #[test]
    fn short_concat_is_flat_long_concat_is_rope() {
        let a = JsStr::from("ab");
        let c = a.concat(&JsStr::from("cd"));
        assert!(!c.is_rope());
        assert_eq!(c.units(), u("abcd"));
        let l = JsStr::from(long('x').as_str());
        let r = l.concat(&a);
        assert!(r.is_rope());
        assert_eq!(r.len(), ROPE_MIN_LEN + 2);
        assert!(r.is_rope(), "len() must not flatten");
        assert_eq!(r.units()[ROPE_MIN_LEN], b'a' as u16);
        assert!(!r.is_rope());
        // Empty operands return the other operand itself.
        assert!(JsStr::ptr_eq(&l.concat(&JsStr::empty()), &l));
        assert!(JsStr::ptr_eq(&JsStr::empty().concat(&l), &l));
    }

    #[test]
    fn flatten_left_right_and_mixed_trees() {
        let mut expect = String::new();
        let mut s = JsStr::empty();
        for i in 0..2000 {
            let piece = format!("<{i}>");
            expect.push_str(&piece);
            s = s.concat(&JsStr::from(piece.as_str()));
        }
        assert!(s.is_rope());
        assert_eq!(s.len(), expect.encode_utf16().count());
        assert_eq!(s.to_rust_string(), expect);

        let mut expect = String::new();
        let mut s = JsStr::empty();
        for i in 0..2000 {
            let piece = format!("[{i}]");
            expect.insert_str(0, &piece);
            s = JsStr::from(piece.as_str()).concat(&s);
        }
        assert_eq!(s.to_rust_string(), expect);

        // A shared rope used on both sides, and as part of two other ropes.
        let base = JsStr::from(long('a').as_str()).concat(&JsStr::from("b"));
        let twice = base.concat(&base);
        let other = JsStr::from("z").concat(&base);
        let want = format!("{}b{}b", long('a'), long('a'));
        assert_eq!(twice.to_rust_string(), want);
        assert!(base.is_rope(), "shared parts are read, not flattened");
        assert_eq!(other.to_rust_string(), format!("z{}b", long('a')));
        assert_eq!(base.to_rust_string(), format!("{}b", long('a')));
    }

    #[test]
    fn equality_hash_order_and_interning_ignore_representation() {
        let flat = JsStr::from(format!("{}tail", long('q')).as_str());
        let rope = JsStr::from(long('q').as_str()).concat(&JsStr::from("tail"));
        assert!(rope.is_rope());
        assert_eq!(hash_of(&rope), hash_of(&flat));
        assert_eq!(rope, flat);
        assert_eq!(rope.cmp(&flat), std::cmp::Ordering::Equal);
        let other = JsStr::from(long('q').as_str()).concat(&JsStr::from("tai"));
        assert_ne!(other, flat);
        assert!(other < flat);
        let interned = JsStr::intern_units(rope.units());
        assert!(JsStr::ptr_eq(&interned, &JsStr::intern_units(flat.units())));
        // Property keys made from ropes find properties named by flat strings.
        let mut set = std::collections::HashSet::new();
        set.insert(flat.clone());
        assert!(set.contains(&rope));
        // Index keys: a long rope is never an array index; a short concat can be.
        let idx = JsStr::from("12").concat(&JsStr::from("34"));
        assert_eq!(idx.as_array_index(), Some(1234));
        assert_eq!(rope.as_array_index(), None);
    }

    #[test]
    fn surrogates_are_code_units() {
        let hi = JsStr::from_units(vec![0xD83D]);
        let lo = JsStr::from_units(vec![0xDE00]);
        let pad = JsStr::from(long('.').as_str());
        let s = pad.concat(&hi);
        // A lone high surrogate at the end of a rope stays a lone code unit.
        assert_eq!(s.len(), ROPE_MIN_LEN + 1);
        assert_eq!(s.units()[ROPE_MIN_LEN], 0xD83D);
        assert!(s.to_rust_string().ends_with('\u{FFFD}'));
        // Joined with its low half it forms one code point (two code units).
        let t = s.concat(&lo);
        assert_eq!(t.len(), ROPE_MIN_LEN + 2);
        assert!(t.to_rust_string().ends_with('😀'));
        assert_eq!(&t.units()[ROPE_MIN_LEN..], &[0xD83D, 0xDE00]);
        assert_eq!(hi.concat(&lo).to_rust_string(), "😀");
    }

    #[test]
    fn appending_after_each_flatten_reuses_the_buffer() {
        // `s += x; s[i]` in a loop: the old `s` is owned only by the new rope, so flattening
        // extends its buffer in place; buffer moves are the Vec's doublings only.
        let mut s = JsStr::from(long('s').as_str());
        let mut moves = 0;
        let mut last = s.units().as_ptr();
        for _ in 0..100_000 {
            s = s.concat(&JsStr::from("ab"));
            let p = s.units().as_ptr();
            if p != last {
                moves += 1;
                last = p;
            }
        }
        assert_eq!(s.len(), ROPE_MIN_LEN + 200_000);
        assert!(moves < 40, "{moves} buffer moves");
        // A string still held elsewhere is never extended in place.
        let keep = s.clone();
        let t = s.concat(&JsStr::from("!"));
        assert_ne!(t.units().as_ptr(), keep.units().as_ptr());
        assert_eq!(keep.len(), ROPE_MIN_LEN + 200_000);
        assert_eq!(keep.units().last(), Some(&(b'b' as u16)));
        assert_eq!(t.units().last(), Some(&(b'!' as u16)));
    }

    /// The rope nodes and leaves under `s` (walking without flattening).
    fn rope_shape(s: &JsStr) -> (usize, usize) {
        let (mut nodes, mut leaves) = (0, 0);
        let mut stack = vec![s.clone()];
        while let Some(s) = stack.pop() {
            match s.rope_parts() {
                Some((l, r)) => {
                    nodes += 1;
                    stack.push(l);
                    stack.push(r);
                }
                None => leaves += 1,
            }
        }
        (nodes, leaves)
    }

    #[test]
    fn small_appends_share_leaves() {
        // 100 000 appends of two units: one node per ~LEAF_MAX_LEN units, not per append.
        let mut s = JsStr::from(long('s').as_str());
        let mut expect = long('s');
        for i in 0..100_000 {
            let piece = if i % 3 == 0 { "ab" } else { "c" };
            s = s.concat(&JsStr::from(piece));
            expect.push_str(piece);
        }
        let (nodes, leaves) = rope_shape(&s);
        assert!(nodes < 2 * expect.len() / LEAF_MAX_LEN, "{nodes} nodes");
        assert_eq!(leaves, nodes + 1);
        // Prepends the same way.
        let mut p = JsStr::from(long('p').as_str());
        let mut pexpect = long('p');
        for _ in 0..50_000 {
            p = JsStr::from("xy").concat(&p);
            pexpect.insert_str(0, "xy");
        }
        assert!(rope_shape(&p).0 < 2 * pexpect.len() / LEAF_MAX_LEN);
        // A shared rope is not changed by appends to it.
        let keep = s.clone();
        let t = s.concat(&JsStr::from("!"));
        assert_eq!(keep.len(), expect.len());
        assert_eq!(t.len(), expect.len() + 1);
        assert_eq!(p.to_rust_string(), pexpect);
        assert_eq!(t.to_rust_string(), format!("{expect}!"));
        assert_eq!(keep.to_rust_string(), expect);
        // Long pieces still join as nodes; a flat left side is not copied.
        let big = JsStr::from(long('b').as_str());
        let u = keep.concat(&big);
        assert!(JsStr::ptr_eq(&u.rope_parts().unwrap().0, &keep));
    }

    #[test]
    fn gathering_appends_with_reads_and_shared_ropes() {
        // A string read (flattened) below the pending pieces, and two strings appended to
        // from one rope: every result keeps its own units.
        let mut s = JsStr::from(long('g').as_str());
        let mut expect = long('g');
        let mut kept = Vec::new();
        for i in 0..3000 {
            let piece = format!("{}", i % 10);
            s = s.concat(&JsStr::from(piece.as_str()));
            expect.push_str(&piece);
            if i % 97 == 0 {
                kept.push((s.clone(), expect.clone()));
            }
            if i % 301 == 0 {
                assert_eq!(s.units().len(), expect.len());
            }
        }
        let (base, base_text) = kept[5].clone();
        let a = (0..500).fold(base.clone(), |a, _| a.concat(&JsStr::from("a")));
        let b = (0..500).fold(base.clone(), |b, _| b.concat(&JsStr::from("bb")));
        assert_eq!(
            a.to_rust_string(),
            format!("{base_text}{}", "a".repeat(500))
        );
        assert_eq!(
            b.to_rust_string(),
            format!("{base_text}{}", "bb".repeat(500))
        );
        assert_eq!(s.to_rust_string(), expect);
        for (k, text) in kept {
            assert_eq!(k.to_rust_string(), text);
        }
    }

    #[test]
    fn short_strings_are_inline() {
        for text in ["", "ab", "twelve units", "thirteen unit", "é😀x"] {
            let s = JsStr::from(text);
            assert_eq!(s.to_rust_string(), text);
            let units: Vec<u16> = text.encode_utf16().collect();
            assert_eq!(JsStr::from_slice(&units), s);
            assert_eq!(JsStr::from_units(units.clone()), s);
            assert_eq!(
                matches!(s.0.body, Body::Inline(_)),
                units.len() <= INLINE_LEN
            );
        }
        let c = JsStr::from("abcdef").concat(&JsStr::from("ghijkl"));
        assert!(matches!(c.0.body, Body::Inline(_)));
        assert_eq!(c.to_rust_string(), "abcdefghijkl");
        assert_eq!(c.slice(2, 5).to_rust_string(), "cde");
    }

    #[test]
    fn deep_ropes_drop_and_flatten_without_recursion() {
        // Runs on the test thread's small stack: a recursive drop or flatten would overflow.
        let mut s = JsStr::from(long('d').as_str());
        for _ in 0..1_000_000 {
            s = s.concat(&JsStr::from("x"));
        }
        let mut r = JsStr::from(long('r').as_str());
        for _ in 0..1_000_000 {
            r = JsStr::from("y").concat(&r);
        }
        assert_eq!(r.len(), ROPE_MIN_LEN + 1_000_000);
        drop(r);
        assert_eq!(s.units().len(), ROPE_MIN_LEN + 1_000_000);
        drop(s);
    }

    #[test]
    fn builder_joins_long_pieces_without_copying() {
        let long_s = JsStr::from(long('L').as_str()).concat(&JsStr::from("!"));
        let mut b = JsStrBuilder::new();
        b.push(&long_s);
        b.push(&JsStr::from("<li>"));
        b.push_units(&u("7"));
        b.push(&JsStr::from("</li>"));
        assert_eq!(b.len(), long_s.len() + 10);
        let r = b.finish();
        assert!(r.is_rope());
        assert!(long_s.is_rope(), "the long piece is shared, not flattened");
        assert_eq!(r.to_rust_string(), format!("{}!<li>7</li>", long('L')));
        assert!(JsStrBuilder::new().finish().is_empty());
        let mut b = JsStrBuilder::new();
        b.push(&JsStr::from("a"));
        b.push(&JsStr::from("b"));
        assert_eq!(b.finish().units(), u("ab"));
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
