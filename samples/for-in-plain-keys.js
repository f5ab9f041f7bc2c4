// for-in over ordinary objects: keys, order, shadowing, deletes and additions during the
// walk, prototypes of every kind, generators suspended inside the loop.
function keys(o) { const r = []; for (const k in o) r.push(k); return r.join(','); }
console.log(keys({ a: 1, b: 2, c: 3 }));
console.log(keys({ b: 1, 2: 'x', a: 2, 1: 'y', [Symbol('s')]: 3 }));
const o1 = { x: 1 }; Object.defineProperty(o1, 'hidden', { value: 1, enumerable: false }); o1.y = 2;
console.log(keys(o1));
console.log(keys(Object.create(null)));
const np = Object.create(null); np.q = 1; np.r = 2; console.log(keys(np));
// Prototypes with enumerable keys, shadowed by own non-enumerable ones.
const proto = { p1: 1, shared: 2 };
const child = Object.create(proto); child.own = 1;
Object.defineProperty(child, 'shared', { value: 3, enumerable: false });
console.log(keys(child));
const grand = Object.create(child); grand.g = 1; grand.p1 = 5; console.log(keys(grand));
// Prototype with only non-enumerable keys, and with an enumerable symbol.
const p2 = {}; Object.defineProperty(p2, 'ne', { value: 1, enumerable: false }); p2[Symbol('e')] = 1;
const c2 = Object.create(p2); c2.a = 1; c2.ne = 2; console.log(keys(c2));
// Prototype with an enumerable index key, or elements.
const p3 = { 0: 'zero' }; const c3 = Object.create(p3); c3.k = 1; console.log(keys(c3));
const c4 = Object.create([7, 8]); c4.k = 1; console.log(keys(c4));
// Deleting a later key during the walk skips it; deleting then re-adding visits it where first seen.
const d = { a: 1, b: 2, c: 3, e: 4 };
const seen = []; for (const k in d) { seen.push(k); if (k === 'a') { delete d.b; delete d.c; d.c = 9; d.z = 1; } }
console.log(seen.join(','));
// A key deleted from the receiver but present on the prototype is still visited.
const pp = { m: 1 }; const cc = Object.create(pp); cc.m = 2; cc.n = 3;
const s2 = []; for (const k in cc) { s2.push(k); if (k === 'm') delete cc.n; } console.log(s2.join(','));
const pq = { n: 'proto' }; const cq = Object.create(pq); cq.m = 1; cq.n = 2;
Object.defineProperty(pq, 'n', { enumerable: false });
const s3 = []; for (const k in cq) { s3.push(k); if (k === 'm') delete cq.n; } console.log(s3.join(','));
// Changing the prototype during the walk does not change the keys listed at the start.
const cp = { a: 1, b: 2 }; const s4 = [];
for (const k in cp) { s4.push(k); Object.setPrototypeOf(cp, { extra: 1 }); } console.log(s4.join(','));
// Getters are not run by the enumeration.
let runs = 0; const g = { get x() { runs++; return 1; }, y: 2 }; console.log(keys(g), runs);
// Class instances and their prototypes' methods (not enumerable).
class A { constructor() { this.f = 1; } m() {} } class B extends A { constructor() { super(); this.h = 2; } }
console.log(keys(new B()));
function F() { this.u = 1; } F.prototype.v = 2; console.log(keys(new F()));
// Frozen, sealed, many keys (a dictionary), keys deleted before the loop.
console.log(keys(Object.freeze({ a: 1, b: 2 })), keys(Object.seal({ c: 1 })));
const big = {}; for (let i = 0; i < 40; i++) big['k' + i] = i; for (let i = 0; i < 40; i += 3) delete big['k' + i];
console.log(keys(big));
// A proxy in the prototype chain: its traps run, in V8's order.
const log = [];
const px = new Proxy({ t: 1 }, {
  ownKeys(t) { log.push('ownKeys'); return Reflect.ownKeys(t); },
  getOwnPropertyDescriptor(t, k) { log.push('gopd ' + String(k)); return Reflect.getOwnPropertyDescriptor(t, k); },
  getPrototypeOf(t) { log.push('getPrototypeOf'); return Reflect.getPrototypeOf(t); },
});
const overProxy = Object.create(px); overProxy.own = 1;
console.log(keys(overProxy), log.join(';'));
const s5 = []; log.length = 0;
for (const k in overProxy) { s5.push(k); if (k === 'own') delete overProxy.own; }
console.log(s5.join(','), log.join(';'));
log.length = 0; console.log(keys(px), log.join(';'));
// Primitives, arrays, strings, typed arrays, functions, arguments.
console.log(keys('ab'), keys(5), keys(null), keys(undefined), keys([1, , 3]), keys(new Uint8Array(2)));
function fn() {} fn.w = 1; console.log(keys(fn));
(function () { console.log(keys(arguments)); })(1, 2);
// Control flow: break, continue, labels, return, throw; Iterator.prototype hooks are not used.
Iterator.prototype.return = function () { console.log('return called'); return {}; };
const IteratorNext = Iterator.prototype.next; Iterator.prototype.next = function () { console.log('next called'); };
const flow = [];
outer: for (const i of [1, 2]) { for (const k in { a: 1, b: 2, c: 3 }) { if (k === 'b') continue outer; flow.push(i + k); } }
for (const k in { a: 1, b: 2 }) { flow.push(k); break; }
console.log(flow.join(','), (function () { for (const k in { r: 1 }) return k; })());
try { for (const k in { a: 1 }) throw new Error('in ' + k); } catch (e) { console.log(e.message); }
delete Iterator.prototype.return; Iterator.prototype.next = IteratorNext;
// Generators suspended inside a for-in.
function* gen(o) { for (const k in o) { const v = yield k; if (v) delete o[v]; } return 'end'; }
const go = { a: 1, b: 2, c: 3, d: 4 }; const it = gen(go);
console.log(it.next().value, it.next().value, it.next('c').value, it.next().value, it.next().value);
const it2 = gen({ x: 1, y: 2 }); it2.next(); console.log(JSON.stringify(it2.return(7)), JSON.stringify(it2.next()));
// var/let/destructuring heads and assignment targets.
var vk; for (vk in { last: 1 }); console.log(vk);
const tgt = {}; for (tgt.key in { p: 1, q: 2 }); console.log(tgt.key);
for (const [c0, c1] in { xy: 1 }) console.log(c0, c1);
// Nested loops over the same object and an object modified by the inner loop.
const nest = { a: 1, b: 2 }; const pairs = [];
for (const i in nest) for (const j in nest) { pairs.push(i + j); nest.c = 3; }
console.log(pairs.join(','));
