// Compound assignment and comparisons on locals: evaluation order and types.
function order() {
  let x = 1;
  const bump = () => { x = 100; return 2; };
  x += bump(); // old value read first: 1 + 2
  let y = 5;
  y *= (y = 3, 4); // 5 * 4
  let z = 2;
  z **= 3;
  let w = 7;
  w **= (w = 2); // 7 ** 2
  let s = 1;
  s += '1';
  let n = 1;
  n += { valueOf() { n = 50; return 2; } };
  let b = 10n;
  try { let m = 1; m += b; } catch (e) { console.log(e.constructor.name, e.message); }
  let neg = -5;
  neg %= 5;
  let big = 2 ** 31;
  big |= 0;
  let u = -1;
  u >>>= 0;
  let d = 1;
  d -= -0;
  console.log(x, y, z, w, s, n, Object.is(neg, -0), big, u, d);
}
order();
function tdz() {
  try { t += 1; let t = 0; } catch (e) { console.log(e.constructor.name, e.message); }
  const c = 1;
  try { c += 1; } catch (e) { console.log(e.constructor.name, e.message); }
  try { c += (() => { throw new Error('rhs first? no: ' + c); })(); } catch (e) { console.log(e.message); }
}
tdz();
function* gen() {
  let acc = 1;
  acc += yield 'a';
  acc *= yield 'b';
  return acc;
}
const g = gen(); g.next(); g.next(4); console.log(g.next(10));
let cmp = 0;
for (let i = 0; i < 5; i++) { if (i < 2.5) cmp++; if (i === 3) cmp += 10; if (NaN < i) cmp = -1; }
console.log(cmp, 1 < 2, 2 <= 2, 3 > 4, -0 === 0, NaN !== NaN);
let str = 'b';
console.log(str < 'c', str > 'a', '10' < '9', 10 < 9);
var v = 3; v -= 1; v /= 4; console.log(v);
function params(p, q) { p += q; q <<= 2; return [p, q]; }
console.log(params(1, 2), params('a', 1));
let undef; undef += 1; console.log(undef);
// Member operands: own data properties read where the site found them last time.
function dot(a, b) { return a.x * b.x + a.y * b.y; }
const p = { x: 1, y: 2 };
const q = { x: 3, y: 4 };
const results = [];
for (let i = 0; i < 3; i++) results.push(dot(p, q));
Object.defineProperty(p, 'x', { get() { results.push('getter'); return 10; } });
results.push(dot(p, q));
delete q.x;
results.push(dot(p, q));
Object.prototype.x = 7;
results.push(dot(p, q));
delete Object.prototype.x;
q.x = 'str';
results.push(dot({ x: 2, y: 0 }, q));
q.x = 5n;
try { dot({ x: 2n, y: 0 }, q); } catch (e) { results.push(e.constructor.name); }
const prox = new Proxy({ x: 1, y: 1 }, { get(t, k) { results.push('trap ' + String(k)); return t[k] * 2; } });
results.push(dot(prox, { x: 1, y: 1 }));
class Pt { x = 2; y = 3; get len() { return this.x * this.x + this.y * this.y; } }
const pt = new Pt();
results.push(pt.len);
pt.x = 4;
results.push(pt.len);
Object.freeze(pt);
results.push(pt.len, pt.x - pt.y);
function args(a) { return arguments.length * arguments[0]; }
results.push(args(2, 3));
const arr = [1, 2, 3];
results.push(arr.length - p.y, 'abc'.length * q.y);
console.log(results);
// Plain assignment of numbers to locals (TDZ, const, function-name bindings).
(() => {
  function f() { try { x = 5; } catch (e) { console.log(e.message); } let x; x = 1 + 1; return x; }
  console.log(f());
  function g() { const c = 1; try { c = 2 + 3; } catch (e) { console.log(e.message); } return c; }
  console.log(g());
  let s = 'a'; s = 1 + 2; console.log(s, typeof s);
  var o = { p: 3 }; let y = o.p; y = Math.max(1, 2); console.log(y);
  const h = function named() { named = 1 + 1; return typeof named; }; console.log(h());
  (function () { 'use strict'; const k = function named() { try { named = 1 + 1; } catch (e) { console.log(e.message); } }; k(); })();
})();
