// `a[i]` read where `a` and `i` are locals: every kind of element must come out as the
// full [[Get]] gives it, holes and out-of-range indices included.
// (Array.from defines its elements: a getter on Array.prototype below does not catch them.)
function readAll(a, n) {
  return Array.from({ length: n + 2 }, (_, j) => {
    const i = j - 1;
    return a[i];
  });
}

const holes = [1, , 3];
Array.prototype[1] = "from the prototype";
console.log(readAll(holes, 3));
delete Array.prototype[1];
Object.defineProperty(Array.prototype, 1, {
  get() {
    return "prototype getter";
  },
  configurable: true,
});
const throughGetter = readAll(holes, 3);
delete Array.prototype[1];
console.log(throughGetter);

console.log(readAll([{ id: 1 }, "two", null, undefined, 5n, [6]], 6));
console.log(readAll(new Uint8Array([250, 251, 252]), 3));
console.log(readAll(new Float64Array([0.5, -0, NaN]), 3));
console.log(readAll(Buffer.from("hi"), 2));
console.log(readAll("str", 3));
console.log(readAll({ 0: "zero", 1: "one", length: 2 }, 2));
(function () {
  console.log(readAll(arguments, 2));
})("first", "second");

// A typed array whose buffer shrinks or is detached between reads.
const rab = new ArrayBuffer(4, { maxByteLength: 8 });
const view = new Uint8Array(rab);
view.set([1, 2, 3, 4]);
console.log(readAll(view, 4));
rab.resize(2);
console.log(readAll(view, 4));
const moved = new Uint8Array([9, 8, 7]);
structuredClone(moved.buffer, { transfer: [moved.buffer] });
console.log(readAll(moved, 3), moved.length);

// One site that sees string keys first, then indices, then fractions.
function at(o, k) {
  return o[k];
}
const mixed = ["a", "b"];
mixed.extra = "extra";
console.log(at(mixed, "extra"), at(mixed, 0), at(mixed, "1"), at(mixed, 1.5), at(mixed, 1));
console.log(at(mixed, 2 ** 32 - 1), at(mixed, -0), at(mixed, NaN));

// An element changed, grown and shrunk while a loop reads it.
const grow = [1, 2, 3];
let sum = 0;
for (let i = 0; i < grow.length; i++) {
  sum += grow[i];
  const cur = grow[i];
  if (i === 0) grow.push(10);
  if (i === 1) grow[3] = "x";
  if (cur === "x") grow.length = 2;
}
console.log(sum, grow);

// A Proxy and a TDZ base.
const proxied = new Proxy([1, 2], { get: (t, k) => `proxy ${String(k)}` });
console.log(readAll(proxied, 1));
try {
  const early = late[0];
  console.log(early);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
let late = [1];
const nothing = null;
try {
  console.log(nothing[0]);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
