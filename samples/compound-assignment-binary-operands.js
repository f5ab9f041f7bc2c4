// `s op= a op2 b` on a number in a local, with the right side's operands peeked as numbers:
// every kind of right side gives what the general path gives.
let s = 0;
let x = 5, y = 3, z = -0;
const o = { p: 4 };
s += x & 7; console.log(s);
s -= x * y; console.log(s);
s *= x - y; console.log(s);
s += x < y; console.log(s);            // a boolean right side
s += x === 5; console.log(s);
s /= z * 1; console.log(s);            // -0: -Infinity
s = 1; s += o.p * 2; console.log(s);   // a property read
s += o.p / 0; console.log(s);
s = 2; s **= x % y; console.log(s);
s = 7; s >>= y - 1; console.log(s);
s = -1; s >>>= x & 0; console.log(s);
let str = "a"; let n = 1;
n += str + x; console.log(n);           // a string right side
n = 1; n -= "3" * x; console.log(n);
let u; n = 1; n += u | 0; console.log(n);
n = 1; n += u + 1; console.log(n);      // NaN
const g = { get p() { console.log("getter"); return 3; } };
n = 1; for (let i = 0; i < 3; i++) n += g.p * i; console.log(n);
const obj = { valueOf() { console.log("valueOf"); return 10; } };
n = 1; n += obj * 2; console.log(n);
n = 1; n += 2n ** 2n > 1; console.log(n);
try { n = 1; n += 1n & 2n; } catch (e) { console.log(e.constructor.name, e.message); }
let big = 1n; big += 2n * 3n; console.log(big);
function* gen() { let t = 1; t += (yield 1) * 2; t += 3 & (yield 2); return t; }
const it = gen(); it.next(); it.next(5); console.log(it.next(6));
let m = 2 ** 53; m += x & 1; console.log(m);
let w = 0; for (let i = 0; i < 1000; i++) w += i & 7; console.log(w);
