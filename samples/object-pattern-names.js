// Object patterns with plain names: each name read the way [[Get]] would, whatever the
// source, with defaults applied to `undefined` only.
function pick(o) {
  const { x, y = "default y", z } = o;
  return [x, y, z];
}
const shapes = [
  { x: 1, y: 2, z: 3 },
  { z: 3, y: 2, x: 1 },
  { x: 1, y: undefined, z: 3 },
  { x: 1, z: null },
  Object.create({ x: "inherited", y: "inherited" }),
  { get x() { return "getter"; }, y: 0, z: false },
  new Proxy({ x: 1 }, { get: (t, k) => `proxy ${String(k)}` }),
  "str",
  [10, 20],
  Object.assign(Object.create(null), { x: "no prototype" }),
];
for (let round = 0; round < 2; round++) {
  for (const s of shapes) console.log(pick(s));
}

// Names that are array indices, and numbers as keys.
const { 0: first, 1: second, length } = ["a", "b"];
console.log(first, second, length);
const { "0": zero = "none" } = {};
console.log(zero);

// Rest after plain names keeps only the others.
const { a, ...others } = { a: 1, b: 2, c: 3 };
console.log(a, others);

// Assignment patterns and their errors.
let p, q;
({ p, q = p * 2 } = { p: 21 });
console.log(p, q);
const fixed = 1;
try {
  ({ fixed } = { fixed: 2 });
} catch (e) {
  console.log(e.constructor.name, e.message);
}
try {
  const { m = n, n } = { n: 1 };
  console.log(m);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
try {
  const { w } = null;
} catch (e) {
  console.log(e.constructor.name, e.message);
}

// A property added, deleted or turned into an accessor between reads.
const changing = { k: 1, j: 2 };
const read = () => {
  const { j, k } = changing;
  return `${j} ${k}`;
};
console.log(read());
delete changing.k;
console.log(read());
changing.k = 3;
console.log(read());
Object.defineProperty(changing, "j", { get: () => "accessor" });
console.log(read());

// Parameters and loops.
function params({ left, right = left + 1 }) {
  return left + right;
}
console.log(params({ left: 1 }), params({ left: 1, right: 5 }));
let total = 0;
for (const { v } of [{ v: 1 }, { v: 2 }, { w: 3 }]) total += v ?? 100;
console.log(total);
