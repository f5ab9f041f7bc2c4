//! Garbage collection: reference counting plus a tracing cycle collector.
//!
//! Every heap cell that can hold JavaScript values (objects, scopes) is a [`Gc<T>`]: an `Rc`
//! with a small header, registered in a thread-local list of all cells. Acyclic garbage is freed
//! the moment its last reference goes away (so a loop that creates and drops millions of objects
//! runs in flat memory). Cycles — a closure whose scope holds the closure, an object that points
//! to itself — are reclaimed by [`collect`], a tracing collector using *trial deletion* (the
//! algorithm of CPython's `gc` module):
//!
//! 1. for each cell, `refs = strong_count` (every reference, from the heap or from Rust);
//! 2. trace every cell and subtract one from `refs` of each child it points to: what remains is
//!    the number of references from outside the traced heap (the Rust stack, the job queue,
//!    native data...) — those cells are the *roots*;
//! 3. mark everything reachable from the roots;
//! 4. unmarked cells are garbage: clear their contents, which breaks the cycles and lets
//!    reference counting free them.
//!
//! Why this design: roots never have to be declared, so the evaluator can keep values in ordinary
//! Rust locals (no handle scopes, no `unsafe`), and a value that something forgot to trace is
//! only ever *kept alive*, never freed early. Suspended generators keep their continuation as
//! plain traced data (see `interp::generator`), so a generator that is dropped while suspended is
//! collected like any other object.
//!
//! Collections run automatically at allocation time once the number of allocations since the
//! last collection exceeds twice the number of cells that survived it (at least
//! [`MIN_THRESHOLD`]), which keeps the amortized cost linear — four times when the heap is
//! large and the last collection found (almost) nothing to free: a program building a big live
//! structure (a 10^6-deep promise chain) is not rescanned as often, while one making cyclic
//! garbage keeps the tighter bound.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::ops::Deref;
use std::rc::{Rc, Weak};

/// Implemented by everything stored in a [`Gc`]: report every `Gc` directly held.
pub trait Trace {
    fn trace(&self, tracer: &mut Tracer);
    /// Drop every `Gc` held (called on garbage to break cycles).
    fn clear(&self);
    /// Called after marking on the cells that reported weak entries
    /// ([`Tracer::note_weak_container`]): drop the entries whose keys were not reached.
    fn sweep_weak(&self) {}
}

/// Passed to [`Trace::trace`]; call [`Tracer::edge`] for each child.
pub struct Tracer {
    mode: Mode,
    worklist: Vec<Rc<dyn Node>>,
    /// Ephemerons whose key was not marked yet when their container was traced:
    /// (key, value).
    pending: Vec<(Rc<dyn Node>, Rc<dyn Node>)>,
    /// Set by [`Tracer::note_weak_container`] while a cell is traced.
    saw_weak: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Subtract,
    Mark,
}

impl Tracer {
    fn new(mode: Mode) -> Tracer {
        Tracer {
            mode,
            worklist: Vec::new(),
            pending: Vec::new(),
            saw_weak: false,
        }
    }

    /// The cell being traced holds weak entries: after marking, the collector calls its
    /// [`Trace::sweep_weak`].
    pub fn note_weak_container(&mut self) {
        self.saw_weak = true;
    }

    /// An ephemeron's edge (a WeakMap entry's value): a reference like any other when
    /// references are counted, but followed only once `key` is found reachable — if that
    /// happens later in the marking, when the marking of everything else is done.
    pub fn ephemeron_edge<K: Trace + 'static, T: Trace + 'static>(
        &mut self,
        key: &WeakGc<K>,
        child: &Gc<T>,
    ) {
        match self.mode {
            Mode::Subtract => self.edge(child),
            Mode::Mark => match key.0.upgrade() {
                Some(k) if k.header.marked.get() => self.edge(child),
                Some(k) if !child.0.header.marked.get() => {
                    self.pending.push((k, child.0.clone()));
                }
                _ => {}
            },
        }
    }

    /// An ephemeron's edge whose key the collector does not trace (a symbol): followed
    /// when marking only if `key_alive`.
    pub fn ephemeron_edge_if<T: Trace + 'static>(&mut self, key_alive: bool, child: &Gc<T>) {
        if key_alive || self.mode == Mode::Subtract {
            self.edge(child);
        }
    }

    /// Traces the cells on the worklist (and what they reach); those that reported weak
    /// entries are kept in `weak`.
    fn drain(&mut self, weak: &mut Vec<Rc<dyn Node>>) {
        while let Some(n) = self.worklist.pop() {
            n.trace_node(self);
            if self.saw_weak {
                self.saw_weak = false;
                weak.push(n);
            }
        }
    }

    /// Marks the values of the pending ephemerons whose keys got marked, until no more do.
    fn settle_ephemerons(&mut self, weak: &mut Vec<Rc<dyn Node>>) {
        loop {
            let mut progressed = false;
            let pending = std::mem::take(&mut self.pending);
            for (key, value) in pending {
                if key.header().marked.get() {
                    progressed = true;
                    let hd = value.header();
                    if !hd.marked.get() {
                        hd.marked.set(true);
                        self.worklist.push(value);
                    }
                } else {
                    self.pending.push((key, value));
                }
            }
            if !progressed {
                self.pending.clear();
                return;
            }
            self.drain(weak);
        }
    }

    #[inline]
    pub fn edge<T: Trace + 'static>(&mut self, child: &Gc<T>) {
        let h = &child.0.header;
        match self.mode {
            Mode::Subtract => h.refs.set(h.refs.get() - 1),
            Mode::Mark => {
                if !h.marked.get() {
                    h.marked.set(true);
                    self.worklist.push(child.0.clone());
                }
            }
        }
    }
}

struct Header {
    refs: Cell<isize>,
    marked: Cell<bool>,
    /// Position in the heap's cell list (kept up to date as cells are removed), or
    /// [`UNREGISTERED`].
    index: Cell<usize>,
}

/// The index of a cell made by [`Gc::new_unregistered`] that is not (yet) in the heap's list.
const UNREGISTERED: usize = usize::MAX;

struct GcBox<T: ?Sized> {
    header: Header,
    value: T,
}

trait Node {
    fn header(&self) -> &Header;
    fn trace_node(&self, t: &mut Tracer);
    fn clear_node(&self);
    fn sweep_weak_node(&self);
}

impl<T: Trace> Node for GcBox<T> {
    fn header(&self) -> &Header {
        &self.header
    }
    fn trace_node(&self, t: &mut Tracer) {
        self.value.trace(t)
    }
    fn clear_node(&self) {
        self.value.clear()
    }
    fn sweep_weak_node(&self) {
        self.value.sweep_weak()
    }
}

impl<T: ?Sized> Drop for GcBox<T> {
    /// Unregisters the cell as soon as it dies, so its memory is returned at once (the list
    /// holds only weak references).
    fn drop(&mut self) {
        let idx = self.header.index.get();
        if idx == UNREGISTERED {
            return;
        }
        let _ = HEAP.try_with(|h| {
            let Ok(mut cells) = h.cells.try_borrow_mut() else {
                return;
            };
            if idx >= cells.len() {
                return;
            }
            cells.swap_remove(idx);
            if let Some(moved) = cells.get(idx).and_then(|w| w.upgrade()) {
                moved.header().index.set(idx);
            }
        });
    }
}

/// A garbage-collected shared pointer. Cloning is a reference-count increment.
pub struct Gc<T: Trace + 'static>(Rc<GcBox<T>>);

impl<T: Trace + 'static> Gc<T> {
    pub fn new(value: T) -> Gc<T> {
        let rc = Rc::new(GcBox {
            header: Header {
                refs: Cell::new(0),
                marked: Cell::new(false),
                index: Cell::new(0),
            },
            value,
        });
        let weak: Weak<dyn Node> = Rc::downgrade(&rc) as Weak<dyn Node>;
        let due = HEAP.with(|h| {
            let mut cells = h.cells.borrow_mut();
            rc.header.index.set(cells.len());
            cells.push(weak);
            let n = h.allocated.get() + 1;
            h.allocated.set(n);
            n >= h.threshold.get() && !h.collecting.get()
        });
        let gc = Gc(rc);
        if due {
            collect();
        }
        gc
    }

    /// A cell the collector does not know about yet: no heap-list registration on creation
    /// or on drop. Sound only while no traced cell refers to it, so the owner must call
    /// [`Gc::ensure_registered`] before a reference to it can be stored in the heap (the
    /// interpreter's `Env` does it in `clone`): an unregistered cell's references count as
    /// roots, and it is freed by reference counting alone. While it is unregistered and
    /// unique, [`Gc::get_mut`] lends it out for reuse.
    pub fn new_unregistered(value: T) -> Gc<T> {
        Gc(Rc::new(GcBox {
            header: Header {
                refs: Cell::new(0),
                marked: Cell::new(false),
                index: Cell::new(UNREGISTERED),
            },
            value,
        }))
    }

    /// Puts a [`Gc::new_unregistered`] cell in the heap's list (no-op for the others).
    #[inline]
    pub fn ensure_registered(&self) {
        if self.0.header.index.get() == UNREGISTERED {
            self.register();
        }
    }

    #[cold]
    fn register(&self) {
        let weak: Weak<dyn Node> = Rc::downgrade(&self.0) as Weak<dyn Node>;
        HEAP.with(|h| {
            let mut cells = h.cells.borrow_mut();
            self.0.header.index.set(cells.len());
            cells.push(weak);
            h.allocated.set(h.allocated.get() + 1);
        });
    }

    /// The value, mutably, when this is the only reference to an unregistered cell.
    #[inline]
    pub fn get_mut(&mut self) -> Option<&mut T> {
        Rc::get_mut(&mut self.0).map(|b| &mut b.value)
    }

    /// The number of strong references.
    #[inline]
    pub fn strong_count(this: &Gc<T>) -> usize {
        Rc::strong_count(&this.0)
    }

    #[inline]
    pub fn ptr_eq(a: &Gc<T>, b: &Gc<T>) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }

    /// A stable address, usable as an identity key while the cell is alive.
    #[inline]
    pub fn addr(&self) -> usize {
        Rc::as_ptr(&self.0) as *const u8 as usize
    }

    pub fn downgrade(&self) -> WeakGc<T> {
        WeakGc(Rc::downgrade(&self.0))
    }
}

impl<T: Trace + 'static> Clone for Gc<T> {
    #[inline]
    fn clone(&self) -> Self {
        Gc(self.0.clone())
    }
}

impl<T: Trace + 'static> Deref for Gc<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        &self.0.value
    }
}

impl<T: Trace + 'static> fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Gc({:#x})", self.addr())
    }
}

/// A weak reference (used by WeakMap/WeakSet keys).
pub struct WeakGc<T: Trace + 'static>(Weak<GcBox<T>>);

impl<T: Trace + 'static> WeakGc<T> {
    pub fn upgrade(&self) -> Option<Gc<T>> {
        self.0.upgrade().map(Gc)
    }
    /// Whether the cell still has a strong reference.
    #[inline]
    pub fn is_alive(&self) -> bool {
        self.0.strong_count() > 0
    }
    /// During a collection, after marking: whether the cell was found reachable.
    pub fn is_marked(&self) -> bool {
        self.0.upgrade().is_some_and(|b| b.header.marked.get())
    }
    /// The cell's address, as [`Gc::addr`] gives it while the cell is alive. The weak
    /// reference keeps the allocation, so no other cell is made at this address while it
    /// exists: comparing it with a live cell's address is an exact identity test.
    #[inline(always)]
    pub fn addr(&self) -> usize {
        Weak::as_ptr(&self.0) as *const u8 as usize
    }
}

impl<T: Trace + 'static> Clone for WeakGc<T> {
    fn clone(&self) -> Self {
        WeakGc(self.0.clone())
    }
}

/// Survivors from which a collection that freed (almost) nothing lets the heap grow 4×
/// instead of 2× (each rescan of such a heap costs tens of milliseconds).
const LARGE_HEAP: usize = 200_000;

/// Lower bound on allocations between two automatic collections.
pub const MIN_THRESHOLD: usize = 100_000;

struct Heap {
    cells: RefCell<Vec<Weak<dyn Node>>>,
    /// Collections run so far.
    collections: Cell<u64>,
    /// Strong references dropped at the start of the next collection
    /// ([`keep_until_collection`]).
    sticky: RefCell<Vec<Rc<dyn Node>>>,
    allocated: Cell<usize>,
    threshold: Cell<usize>,
    collecting: Cell<bool>,
}

thread_local! {
    // `const`: no lazy-initialisation check on the access every allocation makes.
    static HEAP: Heap = const {
        Heap {
            cells: RefCell::new(Vec::new()),
            collections: Cell::new(0),
            sticky: RefCell::new(Vec::new()),
            allocated: Cell::new(0),
            threshold: Cell::new(MIN_THRESHOLD),
            collecting: Cell::new(false),
        }
    };
}

/// Statistics of one collection.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    pub live_before: usize,
    pub freed: usize,
}

/// Number of cells currently alive (for tests and benchmarks).
pub fn live_cells() -> usize {
    HEAP.with(|h| {
        h.cells
            .borrow()
            .iter()
            .filter(|w| w.strong_count() > 0)
            .count()
    })
}

/// How many collections have run (FinalizationRegistry cleanups are due only after one).
pub fn collections() -> u64 {
    HEAP.with(|h| h.collections.get())
}

/// Keeps `cell` alive until the next collection starts, as a tracing collector would keep
/// an object that is only weakly reachable until it runs (a `WeakRef`'s target: V8 clears
/// it only when it collects, so `deref()` keeps answering until then).
pub fn keep_until_collection<T: Trace + 'static>(cell: &Gc<T>) {
    let node: Rc<dyn Node> = cell.0.clone();
    HEAP.with(|h| h.sticky.borrow_mut().push(node));
}

/// Runs a full cycle collection now.
pub fn collect() -> Stats {
    HEAP.with(|h| {
        if h.collecting.replace(true) {
            return Stats::default();
        }
        let stats = collect_inner(h);
        h.collections.set(h.collections.get() + 1);
        h.collecting.set(false);
        stats
    })
}

fn collect_inner(h: &Heap) -> Stats {
    // Cells kept only until a collection: release them first (reference counting frees
    // those nothing else holds).
    let sticky = std::mem::take(&mut *h.sticky.borrow_mut());
    drop(sticky);
    // 1. Take strong references to every live cell for the duration of the collection and,
    //    in the same pass (each cell is touched once: the heap is larger than the caches),
    //    set refs = references from anywhere, minus ours.
    let live: Vec<Rc<dyn Node>> = {
        let cells = h.cells.borrow();
        let mut live = Vec::with_capacity(cells.len());
        for w in cells.iter() {
            if let Some(n) = w.upgrade() {
                let hd = n.header();
                hd.refs.set(Rc::strong_count(&n) as isize - 1);
                hd.marked.set(false);
                live.push(n);
            }
        }
        live
    };
    let live_before = live.len();

    // 2. subtract references that come from traced cells.
    let mut tracer = Tracer::new(Mode::Subtract);
    for n in &live {
        n.trace_node(&mut tracer);
    }
    tracer.saw_weak = false;
    // 3. mark from the roots (cells still referenced from outside the traced heap), each
    //    root's subgraph right away (what it reaches is likely still cached).
    tracer.mode = Mode::Mark;
    let mut weak: Vec<Rc<dyn Node>> = Vec::new();
    for n in &live {
        let hd = n.header();
        if hd.refs.get() > 0 && !hd.marked.get() {
            hd.marked.set(true);
            tracer.worklist.push(n.clone());
            tracer.drain(&mut weak);
        }
    }
    //    Ephemerons (WeakMap values) whose keys were reached by some other root's subgraph.
    tracer.settle_ephemerons(&mut weak);
    //    Reachable WeakMaps and WeakSets forget the keys that were not reached.
    for n in &weak {
        n.sweep_weak_node();
    }
    drop(weak);
    // 4. keep the garbage (our references to the survivors go in the same pass), clear
    //    it; dropping it then frees it.
    let mut garbage: Vec<Rc<dyn Node>> = Vec::new();
    for n in live {
        if !n.header().marked.get() {
            garbage.push(n);
        }
    }
    let freed = garbage.len();
    for n in &garbage {
        n.clear_node();
    }
    drop(garbage);

    let survivors = live_before - freed;
    h.allocated.set(0);
    // A collection that found (almost) no garbage — a program building a large live
    // structure whose short-lived cells reference counting already freed — lets the heap
    // grow further before the next one.
    let growth = if freed * 16 < live_before && survivors >= LARGE_HEAP {
        4
    } else {
        2
    };
    h.threshold
        .set(survivors.saturating_mul(growth).max(MIN_THRESHOLD));
    Stats { live_before, freed }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Node2 {
        next: RefCell<Option<Gc<Node2>>>,
    }
    impl Trace for Node2 {
        fn trace(&self, t: &mut Tracer) {
            if let Ok(n) = self.next.try_borrow() {
                if let Some(n) = &*n {
                    t.edge(n);
                }
            }
        }
        fn clear(&self) {
            self.next.borrow_mut().take();
        }
    }

    fn node() -> Gc<Node2> {
        Gc::new(Node2 {
            next: RefCell::new(None),
        })
    }

    #[test]
    fn cycle_is_collected_and_rooted_survives() {
        collect();
        let base = live_cells();
        {
            let a = node();
            let b = node();
            *a.next.borrow_mut() = Some(b.clone());
            *b.next.borrow_mut() = Some(a.clone());
        }
        let kept = node();
        let k2 = node();
        *kept.next.borrow_mut() = Some(k2.clone());
        *k2.next.borrow_mut() = Some(kept.clone());
        assert_eq!(live_cells(), base + 4);
        collect();
        assert_eq!(
            live_cells(),
            base + 2,
            "the unrooted cycle is freed, the rooted one kept"
        );
        drop(k2);
        collect();
        assert_eq!(live_cells(), base + 2);
        assert!(kept.next.borrow().is_some());
        drop(kept);
        collect();
        assert_eq!(live_cells(), base);
    }

    #[test]
    fn many_short_lived_cycles_stay_bounded() {
        collect();
        let base = live_cells();
        for _ in 0..(MIN_THRESHOLD * 3) {
            let a = node();
            *a.next.borrow_mut() = Some(a.clone());
        }
        assert!(live_cells() <= base + MIN_THRESHOLD + 1);
    }
}
