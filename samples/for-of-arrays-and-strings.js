// for-of over arrays and strings: the steps the loop takes directly (no result objects,
// no stack entry) must behave exactly like calling the iterators' `next`.

// Arrays: growing and shrinking while iterated.
const grow = [1, 2, 3];
const seen = [];
for (const x of grow) {
  seen.push(x);
  if (x < 3) grow.push(x + 10);
}
console.log(seen, grow.length);

const shrink = [1, 2, 3, 4, 5];
for (const x of shrink) {
  console.log("shrink", x);
  shrink.length = 2;
}

// Holes read through the prototype chain, getters on elements.
const holes = [1, , 3];
Array.prototype[1] = "from prototype";
for (const x of holes) console.log("hole", x);
delete Array.prototype[1];
for (const x of holes) console.log("hole again", x);

const withGetter = [1, 2, 3];
Object.defineProperty(withGetter, 1, { get() { return "getter " + this.length; } });
for (const x of withGetter) console.log("getter", x);

// A getter that throws: the stack shows the iterator's `next`.
const throwing = [1, 2];
Object.defineProperty(throwing, 1, {
  get() {
    throw new Error("element getter");
  },
});
try {
  for (const x of throwing) console.log("before throw", x);
} catch (e) {
  console.log(e.stack.split("\n").slice(0, 3).join("\n").replace(/\(.*[\\/]/g, "("));
}

// Frozen arrays, subclasses, array-likes through Array.prototype.values.
for (const x of Object.freeze([7, 8])) console.log("frozen", x);
class List extends Array {}
const list = List.from([4, 5]);
for (const x of list) console.log("subclass", x);
const arrayLike = { length: 2, 0: "a", 1: "b", [Symbol.iterator]: Array.prototype.values };
for (const x of arrayLike) console.log("array-like", x);

// keys and entries, destructuring, spread.
for (const k of ["p", "q"].keys()) console.log("key", k);
for (const [i, v] of ["p", "q"].entries()) console.log("entry", i, v);
const [first, , third = "default", ...rest] = [1, 2, undefined, 4, 5];
console.log(first, third, rest);

// An exhausted iterator stays exhausted even if the array grows afterwards.
const arr = [1];
const it = arr[Symbol.iterator]();
for (const x of it) console.log("once", x);
arr.push(2);
console.log(it.next());

// A `next` replaced on the prototype is called, and so is a patched Symbol.iterator.
const ArrayIteratorPrototype = Object.getPrototypeOf([][Symbol.iterator]());
const originalNext = ArrayIteratorPrototype.next;
ArrayIteratorPrototype.next = function () {
  const r = originalNext.call(this);
  if (!r.done) r.value = r.value * 100;
  return r;
};
for (const x of [1, 2]) console.log("patched next", x);
ArrayIteratorPrototype.next = originalNext;
for (const x of [1, 2]) console.log("restored next", x);

// Breaking out of the loop and iterating the same iterator again.
const shared = [1, 2, 3, 4][Symbol.iterator]();
for (const x of shared) {
  console.log("first loop", x);
  if (x === 2) break;
}
for (const x of shared) console.log("second loop", x);

// Strings: code points, surrogate pairs, lone surrogates, String objects.
for (const ch of "a😀b") console.log("char", ch, ch.length);
const lone = "x\uD800y\uDC00";
console.log([...lone].map((c) => c.charCodeAt(0).toString(16)));
console.log(Array.from("héllo"), [..."ab"].length);
for (const ch of new String("hi")) console.log("String object", ch);
let count = 0;
for (const ch of "") count++;
console.log("empty string", count);

const StringIteratorPrototype = Object.getPrototypeOf(""[Symbol.iterator]());
const originalStringNext = StringIteratorPrototype.next;
StringIteratorPrototype.next = function () {
  const r = originalStringNext.call(this);
  if (!r.done) r.value = r.value.toUpperCase();
  return r;
};
for (const ch of "abc") console.log("patched string next", ch);
StringIteratorPrototype.next = originalStringNext;

const strIt = "xyz"[Symbol.iterator]();
for (const ch of strIt) {
  console.log("string first loop", ch);
  break;
}
console.log(strIt.next(), strIt.next(), strIt.next());

const original = String.prototype[Symbol.iterator];
String.prototype[Symbol.iterator] = function* () {
  yield "replaced";
};
for (const ch of "abc") console.log("replaced iterator", ch);
String.prototype[Symbol.iterator] = original;

// Typed arrays keep their own checks.
for (const b of new Uint8Array([1, 2, 300])) console.log("byte", b);
for (const b of new BigInt64Array([1n, -2n])) console.log("bigint", b);
const buffer = new ArrayBuffer(8, { maxByteLength: 16 });
const view = new Uint16Array(buffer);
for (const x of view) {
  console.log("resizable", x, view.length);
  if (view.length === 4) buffer.resize(4);
}
const detach = new Uint8Array(new ArrayBuffer(4));
try {
  for (const x of detach) {
    console.log("detach", x);
    detach.buffer.transfer();
  }
} catch (e) {
  console.log(e.constructor.name, e.message);
}
