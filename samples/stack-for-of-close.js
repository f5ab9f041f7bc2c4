// Where a stack trace places for-of's IteratorClose (the `return()` frame's caller line):
// V8's close code follows the loop body's, so it is at a break/continue/return/throw that
// ends the body's statement list (also an `if` whose both branches leave, a `try` with an
// empty `finally`), else at the `for` (a nested `if (c) break;`, an exception from a call,
// a failed binding of the loop target).
const clean = (s) => s.split(__filename).join("<file>");
function* count() {
  try {
    yield 1;
    yield 2;
  } finally {
    const lines = new Error("finally").stack.split("\n").filter((l) => !l.includes("node:"));
    console.log(clean(lines.slice(1, 4).join("\n")));
  }
}
function thrower() {
  throw new Error("t");
}
let c = true;
for (const x of count()) { if (c) break; }
for (const x of count()) { if (c) { break; } }
for (const x of count()) { c = 1; break; }
for (const x of count()) { if (c) break; c = 2; }
function r1() { for (const x of count()) { if (c) return 5; } }
r1();
function r2() { for (const x of count()) { return 5; } }
r2();
try { for (const x of count()) { if (c) throw 1; } } catch {}
try { for (const x of count()) { thrower(); } } catch {}
try { for (const x of count()) { throw 1; } } catch {}
for (const x of count())
  break;
outer: for (const y of [1]) { for (const x of count()) { continue outer; } }
outer2: for (const y of [1]) { for (const x of count()) { if (c) continue outer2; } }
for (const x of count()) { switch (x) { case 1: c = 3; } break; }
for (const x of count()) { while (true) { break; } break; }
label: for (const x of count()) { break label; }
for (const x of count()) try { break; } finally {}
for (const x of count()) { if (x) { break; } else { break; } }
try { for (const [a] of count()) {} } catch {}
function* wrap() { for (const x of count()) yield x; }
const w = wrap();
w.next();
w.return();
