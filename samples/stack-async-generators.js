// Async generators in stack traces: the direct `next()` frame is named after the
// generator's function (`at agen.next`), frames after an await are `at async f (pos)`,
// an async yield* waits at `yield`, and a for-await's `break` runs the generator's
// `finally` with no `at async` frame (V8 awaits the return value in a builtin first).
const clean = (s) => s.split(__filename).join("<file>");
const show = (label, e) =>
  console.log(`-- ${label}\n` + clean(e.stack.split("\n").filter((l) => !l.includes("node:")).slice(1).join("\n")));
const tick = () => new Promise((r) => setTimeout(r, 1));
async function* agen(n, at = 1, late = false) {
  for (let i = 0; i < n; i++) {
    if (late) await tick();
    if (i === at) show(`next ${i}${late ? " after await" : ""}`, new Error("x"));
    yield i;
  }
}
async function* athrow() {
  yield 1;
  await null;
  throw new Error("athrow");
}
async function* fin() {
  try {
    yield 1;
    yield 2;
  } finally {
    show("finally on break", new Error("fin"));
  }
}
async function* fin2() {
  try {
    yield 1;
    yield 2;
  } finally {
    await null;
    show("finally on break, after await", new Error("fin2"));
  }
}
async function* outer() {
  yield* agen(2);
}
async function* outer2() {
  yield* agen(2, 1, true);
}
async function main() {
  for await (const x of agen(2)) {}
  for await (const x of agen(2, 1, true)) {}
  const g = agen(2);
  await g.next();
  await g.next();
  const g2 = agen(2, 1, true);
  await g2.next();
  await g2.next();
  try {
    for await (const x of athrow()) {}
  } catch (e) {
    show("thrown after await", e);
  }
  for await (const x of fin()) {
    break;
  }
  for await (const x of fin2()) {
    break;
  }
  for await (const x of outer()) {}
  for await (const x of outer2()) {}
  const st = () => new Error().stack.split("\n")[2].trim().replace(/\(.*\)/, "");
  const o = { async *[Symbol.asyncIterator]() { yield st(); } };
  async function* plain() { yield st(); }
  for await (const s of { async *[Symbol.asyncIterator]() { yield st(); } }) console.log(s);
  console.log((await plain().next()).value);
}
main();
