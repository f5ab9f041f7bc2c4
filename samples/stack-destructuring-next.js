// Where a stack trace places array destructuring's implicit next() and return() calls:
// V8 reports each step at its element (a name's or nested pattern's first character, a
// rest element's `...`; an elision keeps the position before it), GetIterator at the
// initializer's start (an assignment's `=`; a for-of's iterable inside an optional chain at
// its `.`), and the closing return() at the last position the pattern's code records
// (the last element's nested pattern's, its default's call, or the element). Parameters
// report in the function's own frame.
const clean = (s) => s.split(__filename).join("<file>");
const show = (label, e) =>
  console.log(`-- ${label}\n` + clean(e.stack.split("\n").filter((l) => !l.includes("node:")).slice(1).join("\n")));
function* count(n, at = 1) {
  try {
    for (let i = 0; i < n; i++) {
      if (i === at) show(`next ${i}`, new Error("x"));
      yield [i];
    }
  } finally {
    if (at < 0) show("return", new Error("finally"));
  }
}
const o = { p: 0, q: 0, it: count(2) };
let a, b;
const [p, q] = count(2);
const [r, ...s] = count(2);
const [r2, ... s2] = count(2);
const [[t] = [], u] = count(2);
const [[t2] = [], u2] = count(2, 0);
let [v, w = 5] = count(2);
const [, , z] = count(3, 1);
const { x: [x1, x2] } = { x: count(2) };
[a, b] = count(2);
[a, ...b] = count(2);
[o.p, o.q] = count(2);
[o["p"], o["q"]] = count(2);
({ x: [a, b] } = { x: count(2) });
const [e1] = count(3, -1);
[a] = count(3, -1);
const dflt = () => 1;
const [e2, e3 = dflt()] = count(3, -1);
const [e4, [e5, e6] = []] = count(3, -1);
function g([a, b]) {}
g(count(2));
const h = ([a, b]) => a;
h(count(2));
function k(x, [a, b] = count(2)) {}
k(1);
function m({ x: [a] }) {}
m({ x: count(3, -1) });
const custom = {
  [Symbol.iterator]() {
    show("[Symbol.iterator]", new Error("it"));
    let n = 0;
    return {
      next() {
        if (n++ === 1) show("user next", new Error("y"));
        return { done: n > 3, value: n };
      },
      return() {
        show("user return", new Error("z"));
        return {};
      },
    };
  },
};
const [c1, c2] = custom;
const holder = { list: custom, inner: { list: custom }, get() { return custom; } };
const [h1] = holder.list;
let h2;
[h2] = holder.get();
for (const h of holder?.inner.list) break;
function* boom() {
  yield 1;
  throw new Error("thrown");
}
try {
  const [x, y] = boom();
} catch (e) {
  show("thrown, declaration", e);
}
try {
  [a, b] = boom();
} catch (e) {
  show("thrown, assignment", e);
}
try {
  g(boom());
} catch (e) {
  show("thrown, parameter", e);
}
try {
  const [d] = 5;
} catch (e) {
  show("not iterable", e);
}
