// Where a stack trace places the implicit next() call of for-of and for await:
// the receiver names the frame (`count.next`, `Async-from-Sync Iterator.next`) and
// the caller's position is the loop's target, as V8 reports it.
const clean = (s) => s.split(__filename).join("<file>");
function* count(n) {
  for (let i = 0; i < n; i++) {
    if (i === 1) {
      const lines = new Error("x").stack.split("\n").slice(1, 5);
      console.log(clean(lines.filter((l) => !l.includes("node:")).join("\n")));
    }
    yield [i];
  }
}
const o = { p: null };
let a, b;
for (const x of count(2)) {}
for (const [c, d] of count(2)) {}
for (let { length } of count(2)) {}
for (var { ...rest } of count(2)) {}
for (a of count(2)) {}
for ([a, b] of count(2)) {}
for ({ a } of count(2)) {}
for (o.p of count(2)) {}
for (o["p"] of count(2)) {}
const custom = {
  [Symbol.iterator]() {
    let n = 0;
    return {
      next() {
        if (n++ === 1) console.log(clean(new Error("y").stack.split("\n").slice(1, 3).join("\n")));
        return { done: n > 2, value: n };
      },
    };
  },
};
for (const w of custom) {}
async function f() {
  for await ([a] of count(2)) {}
  for await (o.p of count(2)) {}
  for await (const [e] of count(2)) {}
}
f();
