// Object.keys: ordinary objects read in one pass; every other case through the full
// [[OwnPropertyKeys]] and [[GetOwnProperty]].
const log = (...a) => console.log(JSON.stringify(a));
const K = Object.keys;
log(K({}), K({ a: 1, b: 2, c: 3 }), K({ b: 1, a: 2 }));
const o = { x: 1, y: 2, z: 3 }; delete o.y; o.y = 4; log(K(o));
Object.defineProperty(o, 'hidden', { value: 1, enumerable: false }); o[Symbol('s')] = 1; o.w = 5; log(K(o));
Object.defineProperty(o, 'x', { enumerable: false }); log(K(o));
Object.defineProperty(o, 'g', { get() { log('getter ran'); return 1; }, enumerable: true }); log(K(o));
// Integer keys come first, ascending, whether dense or not.
const n = { b: 1, 2: 'two', a: 1, 0: 'zero', 4294967295: 'big', '-1': 'neg', '01': 's' }; log(K(n));
const m = { a: 1 }; m[5] = 1; delete m[5]; m.b = 2; log(K(m));
const sp = {}; sp[100000] = 1; sp.k = 1; sp[3] = 1; log(K(sp));
// Class instances, null-prototype objects, frozen and sealed objects, large dictionaries.
class P { constructor() { this.q = 1; this.p = 2; } get acc() { return 1; } m() {} } log(K(new P()));
const np = Object.create(null); np.z = 1; np.a = 2; log(K(np));
log(K(Object.freeze({ f: 1, e: 2 })), K(Object.seal({ s: 1 })));
const big = {}; for (let i = 0; i < 40; i++) big['k' + (i * 7 % 40)] = i; delete big.k0; log(K(big));
const inh = Object.create({ inherited: 1 }); inh.own = 1; log(K(inh));
// Exotic objects and wrappers.
log(K([1, , 3]), K('abc'), K(new String('xy')), K(42), K(true), K(Symbol.iterator));
const arr = [1, 2]; arr.extra = 1; log(K(arr));
function f(a, b) { return K(arguments); } log(f(1, 2), (function () { 'use strict'; return K(arguments); })(3));
log(K(function named(a) {}), K(() => 1), K(class C { static s = 1; }));
log(K(new Uint8Array(3)), K(new Map([[1, 2]])), K(new Error('e')), K(/re/g), K(new Date(0)));
const px = new Proxy({ a: 1, b: 2 }, { ownKeys() { log('ownKeys'); return ['b', 'a', 'c']; }, getOwnPropertyDescriptor(t, k) { log('gopd', k); return k === 'c' ? undefined : Reflect.getOwnPropertyDescriptor(t, k); } });
log(K(px));
try { K(null); } catch (e) { log(e.constructor.name, e.message); }
try { K(undefined); } catch (e) { log(e.constructor.name, e.message); }
// The result is a fresh array each time.
const r1 = K(o), r2 = K(o); r1.push('mutated'); log(r1 === r2, r2);
// Values and entries are unchanged.
log(Object.values({ a: 1, get b() { return 2; } }), Object.entries({ x: 1, 1: 'one' }));
