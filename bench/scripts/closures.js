// Plain compute: many short-lived closures and objects (GC pressure).
function makeCounter(start) {
  let n = start;
  return { inc: () => ++n, get: () => n };
}
let total = 0;
for (let i = 0; i < 300000; i++) {
  const c = makeCounter(i);
  c.inc();
  c.inc();
  total += c.get() % 10;
}
console.log(total);
