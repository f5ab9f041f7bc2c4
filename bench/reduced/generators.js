// Reduced for callgrind (bench/instructions.py): generators.
function* range(n) {
  for (let i = 0; i < n; i++) yield i;
}
function* evens(it) {
  for (const x of it) if (x % 2 === 0) yield x;
}
function* chain(a, b) {
  yield* a;
  yield* b;
}
let s = 0;
for (const x of evens(range(80000))) s += x;
for (const x of chain(range(20000), range(20000))) s -= x;
const arr = [...range(20000)];
console.log(s, arr.length);
