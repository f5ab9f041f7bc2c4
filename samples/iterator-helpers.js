// Iterator helpers (ES2025): lazy map/filter/take/drop/flatMap on any iterator, eager
// reduce/toArray/some/every/find/forEach, Iterator.from; plus the Set methods and groupBy.

// ---- a lazy pipeline over an infinite generator ------------------------------------------------

function* naturals() {
    let n = 1;
    try {
        while (true) {
            console.log(`  naturals yields ${n}`);
            yield n++;
        }
    } finally {
        // Runs when take() has what it needs and closes the generator.
        console.log("  naturals: finally (closed)");
    }
}

// Nothing runs yet: helpers are lazy, and a generator is already an Iterator.
const pipeline = naturals()
    .map((n) => n * n)
    .filter((sq) => sq % 2 === 1)
    .take(3);
console.log("pipeline built:", pipeline, String(pipeline));
console.log("naturals() instanceof Iterator:", naturals() instanceof Iterator);

// Pulling the values runs the generator step by step; once take(3) has three values, the
// next pull closes the source (its finally block runs) and reports done.
console.log("odd squares:", pipeline.toArray());

// One step at a time: each next() pulls just enough from the source.
const evens = naturals().filter((n) => n % 2 === 0);
console.log("first even:", evens.next());
console.log("second even:", evens.next());
// return() on a helper closes the generator underneath it.
console.log("return:", evens.return());
console.log("after return:", evens.next());

// ---- drop, flatMap, reduce ---------------------------------------------------------------------

function* range(from, to) {
    for (let i = from; i <= to; i++) yield i;
}

console.log("drop(7):", range(1, 10).drop(7).toArray());
console.log(
    "flatMap:",
    range(1, 3)
        .flatMap((n) => Array(n).fill(n))
        .toArray()
);
// flatMap flattens one level of iterables, but never strings.
console.log(
    "words:",
    ["a b", "c"].values().flatMap((s) => s.split(" ")).toArray()
);
console.log("sum of 1..100:", range(1, 100).reduce((acc, n) => acc + n, 0));
console.log(
    "longest:",
    ["pear", "fig", "banana"].values().reduce((a, b) => (b.length > a.length ? b : a))
);
// The callbacks get a counter as their second argument.
console.log(
    "indexed:",
    range(10, 12).map((v, i) => `${i}:${v}`).toArray()
);

// some/every/find stop early (and close the iterator).
console.log("some > 3:", range(1, 5).some((n) => n > 3));
console.log("every > 0:", range(1, 5).every((n) => n > 0));
console.log("find even:", naturals().find((n) => n % 2 === 0));
range(1, 3).forEach((n, i) => console.log(`  forEach #${i}: ${n}`));

// ---- Iterator.from ---------------------------------------------------------------------------

// An iterable object whose iterator does not inherit from Iterator.prototype: Iterator.from
// wraps it so the helpers are available.
const countdown = {
    [Symbol.iterator]() {
        let n = 3;
        return {
            next: () => (n > 0 ? { value: n--, done: false } : { value: undefined, done: true }),
        };
    },
};
const wrapped = Iterator.from(countdown);
console.log("wrapped:", wrapped, wrapped instanceof Iterator);
console.log("countdown:", wrapped.map((n) => `${n}...`).toArray().join(" "), "liftoff");
// Strings are iterable too; an object that is already an Iterator is returned as is.
console.log("from string:", Iterator.from("héllo").take(2).toArray());
const gen = naturals();
console.log("same object:", Iterator.from(gen) === gen);
gen.return();

// Map and Set iterators are Iterators as well.
const prices = new Map([
    ["apple", 1.25],
    ["bread", 3.5],
    ["milk", 0.99],
]);
console.log(
    "cheap:",
    prices
        .entries()
        .filter(([, p]) => p < 2)
        .map(([name]) => name)
        .toArray()
);

// ---- Set methods -------------------------------------------------------------------------------

const frontend = new Set(["ana", "ben", "cleo"]);
const backend = new Set(["ben", "dan", "cleo", "eve"]);
console.log("union:", frontend.union(backend));
console.log("intersection:", frontend.intersection(backend));
console.log("difference:", frontend.difference(backend));
console.log("symmetricDifference:", frontend.symmetricDifference(backend));
console.log("isSubsetOf:", new Set(["ben"]).isSubsetOf(frontend));
console.log("isSupersetOf:", backend.isSupersetOf(new Set(["dan", "eve"])));
console.log("isDisjointFrom:", frontend.isDisjointFrom(new Set(["zoe"])));
// The argument only has to be set-like: size, has() and keys(). A Map works (its keys).
console.log("with a Map:", frontend.intersection(new Map([["ana", 1]])));
const evensBelow10 = {
    size: 5,
    has: (n) => n % 2 === 0 && n >= 0 && n < 10,
    keys: () => [0, 2, 4, 6, 8].values(),
};
console.log("set-like:", new Set([1, 2, 3, 4]).difference(evensBelow10));

// ---- groupBy -----------------------------------------------------------------------------------

const inventory = [
    { name: "asparagus", type: "vegetables", quantity: 5 },
    { name: "bananas", type: "fruit", quantity: 0 },
    { name: "goat", type: "meat", quantity: 23 },
    { name: "cherries", type: "fruit", quantity: 5 },
];
console.log(Object.groupBy(inventory, ({ type }) => type));
const restock = { restock: true };
const sufficient = { restock: false };
const byStock = Map.groupBy(inventory, ({ quantity }) => (quantity < 6 ? restock : sufficient));
console.log(byStock.get(restock).map((i) => i.name));
// groupBy takes any iterable, generators included.
console.log(Object.groupBy(range(1, 10), (n) => (n % 3 === 0 ? "fizz" : "other")));
