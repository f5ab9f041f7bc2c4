// Built-ins that take an iterable call its next() below their own frame (`at new Map`,
// `at Array.from`); an iterator helper or an `Iterator.from` wrapper is named `Iterator`;
// a generator object from an anonymous or computed-key generator function is
// `Generator` (an async one `AsyncGenerator`), otherwise it is named after its function;
// an `Intl` object after its constructor (`ListFormat.format`).
const clean = (s) => s.split(__filename).join("<file>");
const show = (label, e) =>
  console.log(`-- ${label}\n` + clean(e.stack.split("\n").filter((l) => !l.includes("node:")).slice(1).join("\n")));
function* count(n, at = 1) {
  for (let i = 0; i < n; i++) {
    if (i === at) show(`next ${i}`, new Error("x"));
    yield [i, i];
  }
}
Array.from(count(2));
Array.from(count(2), (x) => x);
new Map(count(2));
new Set(count(2));
new WeakMap((function* () { yield [{}, 1]; show("anonymous generator", new Error("wm")); })());
Object.fromEntries(count(2));
Promise.all(count(2));
Promise.allSettled(count(2));
Promise.race(count(2));
Promise.any(count(2));
Iterator.from(count(2)).toArray();
count(2).map((x) => x).toArray();
count(3).take(2).toArray();
count(3).drop(1).toArray();
count(2).flatMap((x) => x).toArray();
count(2).forEach(() => {});
count(2).reduce((a) => a, 0);
count(2).filter(() => true).toArray();
Uint8Array.from(count(2), () => 1);
const user = {
  [Symbol.iterator]() {
    let n = 0;
    return {
      next() {
        if (n++ === 1) throw new Error("user next threw");
        return { value: [n, n], done: false };
      },
    };
  },
};
for (const run of [
  () => Array.from(user),
  () => new Set(user),
  () => Iterator.from(user).toArray(),
  () => Iterator.from(user).map((v) => v).toArray(),
  () => Object.fromEntries(user),
]) {
  try {
    run();
  } catch (e) {
    show("thrown from user next()", e);
  }
}
const st = () => new Error().stack.split("\n")[3].trim().replace(/\(.*\)/, "");
class K {
  *[Symbol.iterator]() { yield st(); }
}
function mk() {
  return { *[Symbol.iterator]() { yield st(); } };
}
const named = { *gen() { yield st(); } };
console.log([[...new K()][0], [...mk()][0], named.gen().next().value, (function* () { yield st(); })().next().value].join("\n"));
new Intl.ListFormat("en").format((function* () { yield "a"; show("Intl.ListFormat", new Error("l")); yield "b"; })());
Object.groupBy(count(2), (x) => x[0]);
new AggregateError(count(2));
new Set([1]).union({ size: 1, has: () => true, keys: () => count(2) });
