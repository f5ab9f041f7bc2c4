// Where a stack trace places yield*'s calls of the inner iterator: where its operand last
// recorded a position (`yield* inner()`: the call), else at `yield` (`yield* it`); the
// outer generator's next/return/throw frames below (`at outer.return`), with `g.throw()`
// and `g.return()` placed at their `(` as V8 does for a reserved-word method name.
const clean = (s) => s.split(__filename).join("<file>");
const show = (label, e) =>
  console.log(`-- ${label}\n` + clean(e.stack.split("\n").filter((l) => !l.includes("node:")).slice(1).join("\n")));
function* inner() {
  try {
    yield 1;
    show("inner next", new Error("in next"));
    yield 2;
  } catch (e) {
    show("inner catch", new Error("in catch"));
  } finally {
    show("inner finally", new Error("in finally"));
  }
}
function* outer() {
  yield* inner();
}
for (const x of outer()) {
  if (x === 2) break;
}
const g = outer();
g.next();
g.throw(new Error("t"));
const g1 = outer();
g1.next();
g1.return(5);
function* viaName() {
  const it = inner();
  yield* it;
}
const g2 = viaName();
g2.next();
g2.next();
const user = {
  [Symbol.iterator]() {
    show("user [Symbol.iterator]", new Error("it"));
    let n = 0;
    return {
      next() {
        if (n++ === 1) show("user next", new Error("next"));
        return { done: n > 3, value: n };
      },
      return() {
        show("user return", new Error("return"));
        return { done: true };
      },
      throw() {
        show("user throw", new Error("throw"));
        return { done: true, value: 9 };
      },
    };
  },
};
function* overUser() {
  yield* user;
}
for (const x of overUser()) {
  if (x === 2) break;
}
const g3 = overUser();
g3.next();
g3.throw(1);
function* bad() {
  yield 1;
  throw new Error("bad");
}
function* overBad() {
  yield* bad();
}
try {
  for (const x of overBad()) {}
} catch (e) {
  show("thrown through yield*", e);
}
const g4 = overBad();
g4.next();
try {
  g4.next();
} catch (e) {
  show("thrown to next()", e);
}
