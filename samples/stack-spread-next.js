// Where a stack trace places the implicit calls of spreads: `[...g]` at its operand (a
// name's first character, a member's property, a call's callee), `f(...g)` at the call
// (`new C(...g)` at `new`), a `[Symbol.iterator]` method printed without a receiver type
// (V8 prints a type only before a function name that is an identifier).
const clean = (s) => s.split(__filename).join("<file>");
const show = (label, e) =>
  console.log(`-- ${label}\n` + clean(e.stack.split("\n").filter((l) => !l.includes("node:")).slice(1).join("\n")));
function* count(n, at = 1) {
  for (let i = 0; i < n; i++) {
    if (i === at) show(`next ${i}`, new Error("x"));
    yield i;
  }
}
function f(...a) {
  return a;
}
const o = { m(...a) { return a; }, it: count(2) };
const it = count(2);
[...count(2)];
[0,
  ...count(2)];
[...it];
[1, ...o.it];
[...(0, count(2))];
f(...count(2));
o.m(1, ...count(2));
new Array(...count(2));
Math.max(...count(2));
const user = {
  [Symbol.iterator]() {
    show("[Symbol.iterator]", new Error("it"));
    let n = 0;
    return { next: () => ({ done: n++ > 1, value: n }) };
  },
};
class Coll {
  *[Symbol.iterator]() {
    show("class generator method", new Error("gen"));
    yield 1;
  }
}
[...user];
f(...user);
[...new Coll()];
user[Symbol.iterator]();
function* boom() {
  yield 1;
  throw new Error("thrown");
}
try {
  [...boom()];
} catch (e) {
  show("thrown, array spread", e);
}
try {
  f(...boom());
} catch (e) {
  show("thrown, call spread", e);
}
try {
  f(...undefined);
} catch (e) {
  show("not iterable, call", e);
}
try {
  [...5];
} catch (e) {
  show("not iterable, array", e);
}
