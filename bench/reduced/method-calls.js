// Reduced for callgrind (bench/instructions.py): method-calls.
const o = { add(a, b) { return a + b; }, m: 0 };
let s = 0;
for (let i = 0; i < 200000; i++) { s = o.add(s, i & 3); s += "ab".charCodeAt(1) & 1; }
console.log(s);
