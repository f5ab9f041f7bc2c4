// Conditions whose operands are themselves operators, `(i & 1023) === 0`, `a + b < c`:
// numbers are combined in place, anything else takes the general path with its
// conversions and side effects in order.
let evens = 0, hits = [];
for (let i = 0; i < 40; i++) {
  if ((i & 7) === 0) hits.push(i);
  if (i % 2 === 0) evens++;
  if ((i * 3) > 100 && i - 30 >= 5) hits.push(`big ${i}`);
}
console.log(evens, hits);

// Strings concatenate rather than add; comparison then converts.
const a = '1', b = 2;
console.log((a + b) === '12', a + b < 13, (b + b) === 4, (b - a) === 1);

// An object operand converts through valueOf, once, in order.
const log = [];
const v = { valueOf() { log.push('valueOf'); return 5; } };
if ((v + 1) === 6) log.push('six');
if (v * 2 > 9) log.push('ten');
console.log(log);

// Getters in an operand run each time.
let reads = 0;
const o = { get n() { reads++; return 4; }, m: 3 };
for (let i = 0; i < 3; i++) if ((o.n + o.m) === 7 && (o.m & 1) === 1) reads += 10;
console.log(reads);

// NaN, -0 and infinities.
const z = -0, nan = NaN, inf = Infinity;
console.log((z * 1) === 0, (nan + 1) === (nan + 1), (inf - inf) !== (inf - inf), (1 / z) < 0);
console.log((2 ** 53 + 1) === 2 ** 53, (0.1 + 0.2) === 0.3, (0.1 + 0.2) > 0.3);

// BigInt operands, and a mix that throws.
const big = 10n;
console.log((big * 2n) === 20n, (big + 1n) > 10);
try {
  if ((big + 1) === 11) console.log('unreachable');
} catch (e) {
  console.log(e.constructor.name, e.message);
}

// undefined and null operands.
let u;
console.log((u + 1) === (u + 1), (null + 1) === 1, (u | 0) === 0);

// A variable in its temporal dead zone is still an error.
try {
  if ((t + 1) === 2) console.log('unreachable');
  let t = 1;
} catch (e) {
  console.log(e.constructor.name, e.message);
}
