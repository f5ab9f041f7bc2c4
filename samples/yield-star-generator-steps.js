// yield* over a generator whose `next` is the original: the inner generator is stepped
// directly; everything observable is as if its `next` had been called.
const clean = (s) => s.split(__filename).join("<file>");
const top = (s, n) => clean(s.split("\n").filter((l) => !l.includes("node:")).slice(0, n).join("\n"));
function* inner(n) {
  for (let i = 0; i < n; i++) {
    const got = yield i;
    if (got !== undefined) console.log("inner got", got);
  }
  return "inner done";
}
function* outer() {
  const r = yield* inner(3);
  console.log("yield* value:", r);
  return "outer done";
}
const o = outer();
console.log(o.next("ignored"), o.next("a"), o.next("b"), o.next("c"), o.next());
console.log([...outer()]);
// Results handed out are fresh objects with value, done in that order.
const r1 = outer().next();
console.log(Object.keys(r1), Object.getPrototypeOf(r1) === Object.prototype);
// return() and throw() go to the inner generator's methods.
function* fin() { try { yield 1; yield 2; } finally { console.log("inner finally"); } }
function* wrap() { try { yield* fin(); } finally { console.log("outer finally"); } }
const w = wrap(); w.next(); console.log(w.return(42));
const w2 = wrap(); w2.next();
try { w2.throw(new Error("thrown in")); } catch (e) { console.log("caught", e.message); }
// An error inside the inner generator: its frames, as V8 prints them.
function* bad() { yield 1; throw new Error("in inner"); }
function* del() { yield* bad(); }
try { for (const x of del()) {} } catch (e) { console.log(top(e.stack, 6)); }
const d2 = del(); d2.next();
try { d2.next(); } catch (e) { console.log(top(e.stack, 6)); }
function* traced() { yield 1; console.log(top(new Error("stack").stack, 6)); }
function* delt() { yield* traced(); }
for (const x of delt()) {}
// A generator delegating to itself.
function* selfish() { yield* it; }
const it = selfish();
try { it.next(); } catch (e) { console.log(top(e.stack, 5)); }
// An own `next` on the inner generator object, read once at the start.
const g = inner(2);
g.next = function (v) { console.log("own next", v); return { value: "own", done: true }; };
function* viaOwn() { return yield* g; }
console.log(viaOwn().next());
// The inner's own result objects pass through when it delegates to a custom iterator.
const custom = { [Symbol.iterator]() { let n = 0; return { next() { return n++ < 1 ? { value: "c", done: false, extra: true } : { done: true, value: "cv" }; } }; } };
function* toCustom() { return yield* custom; }
function* twoLevels() { return yield* toCustom(); }
const tl = twoLevels();
console.log(tl.next(), tl.next());
// A replaced %GeneratorPrototype%.next is called.
const GP = Object.getPrototypeOf(inner.prototype);
const origNext = GP.next;
GP.next = function (v) { console.log("patched next"); return origNext.call(this, v); };
console.log([...outer()].length);
GP.next = origNext;
// Deep delegation chains and spread.
function* chain(n) { if (n === 0) { yield "leaf"; return 0; } return 1 + (yield* chain(n - 1)); }
const c = chain(50); console.log(c.next(), c.next());
function* cat(a, b) { yield* a; yield* b; }
let s = 0; for (const x of cat(inner(1000), inner(1000))) s += x; console.log(s);
