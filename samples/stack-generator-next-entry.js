// The frame of the `next` call that resumes a generator from for-of, spread, Array.from
// or destructuring, as V8 prints it (`at g.next (<anonymous>)` below the body's frame),
// with every way of cutting a stack around it; and console.trace's frames.
const clean = (s) => s.split(__filename).join("<file>");
const top = (s, n) => clean(s.split("\n").filter((l) => !l.includes("node:")).slice(0, n).join("\n"));
function* count(n) {
  for (let i = 0; i < n; i++) {
    if (i === 1) console.log(top(new Error("count").stack, 4));
    yield i;
  }
}
for (const x of count(2)) {}
// A generator method: the body's frame names its receiver, and `next` its own.
const obj = { *gen() { yield 1; console.log(top(new Error("method").stack, 4)); } };
for (const x of obj.gen()) {}
// Spread, Array.from, Map, destructuring.
[...(function* spread() { yield 1; console.log(top(new Error("spread").stack, 4)); })()];
Array.from((function* from() { yield 1; console.log(top(new Error("from").stack, 4)); })());
new Map((function* kv() { yield [1, 2]; console.log(top(new Error("map").stack, 4)); })());
const [a, b] = (function* destr() { yield 1; console.log(top(new Error("destr").stack, 4)); yield 2; })();
// Nested generators: each body has its `next` below it.
function* deep(n) {
  if (n === 0) {
    console.log(top(new Error("deep").stack, 6));
    yield 0;
    return;
  }
  for (const x of deep(n - 1)) yield x;
}
for (const x of deep(2)) {}
// A generator that steps itself: the TypeError comes from `next`.
function* self() { for (const x of it) {} yield 1; }
const it = self();
try { for (const x of it) {} } catch (e) { console.log(top(e.stack, 4)); }
// Thrown out of the body through for-of.
function* thrower() { yield 1; throw new TypeError("boom"); }
try { for (const x of thrower()) {} } catch (e) { console.log(top(e.stack, 4)); }
// Error.captureStackTrace with `next`, or the generator, as the frame to cut at.
function* cap() {
  yield 1;
  const o = {};
  Error.captureStackTrace(o, Object.getPrototypeOf(cap.prototype).next);
  console.log(top(o.stack, 3));
  const p = {};
  Error.captureStackTrace(p, cap);
  console.log(top(p.stack, 3));
}
for (const x of cap()) {}
// Error.stackTraceLimit between the body's frame and `next`'s.
Error.stackTraceLimit = 2;
function* lim() { yield 1; console.log(clean(new Error("limit 2").stack)); }
for (const x of lim()) {}
Error.stackTraceLimit = 1;
function* lim1() { yield 1; console.log(clean(new Error("limit 1").stack)); }
for (const x of lim1()) {}
Error.stackTraceLimit = 10;
// An own `next` on the generator object is called as any method.
const g2 = count(3);
g2.next = function () { console.log(top(new Error("own next").stack, 3)); return { done: true }; };
for (const x of g2) {}
// console.trace starts at its caller.
const lines = [];
const { Writable } = require("stream");
const sink = new Writable({ write(chunk, enc, cb) { lines.push(String(chunk)); cb(); } });
const c2 = new console.Console(sink);
function* traced2() { yield 1; c2.trace("traced"); }
for (const x of traced2()) {}
console.log(top(lines.join(""), 4));
function plain() { c2.trace("plain"); }
lines.length = 0;
plain();
console.log(top(lines.join(""), 3));
