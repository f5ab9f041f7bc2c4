// Reduced for callgrind (bench/instructions.py): generator-for-of.
function* count(n) {
  for (let i = 0; i < n; i++) yield i;
}
let s = 0;
for (const x of count(200000)) s += x & 7;
console.log(s);
