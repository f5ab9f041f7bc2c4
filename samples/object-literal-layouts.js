// Object literals made with a remembered layout (interp/literal.rs, session 19): the cases
// that must keep their meaning (duplicates, __proto__, indices, computed keys, methods,
// spreads, accessors) and the ones made at once (evaluation order, names of functions,
// shapes shared with objects built property by property).
'use strict';
const log = [];
const t = (k) => { log.push(k); return k; };
const a = { x: t(1), y: t(2), z: t(3) };
console.log(JSON.stringify(a), Object.keys(a), log.join());
console.log(JSON.stringify({ a: 1, b: 2, a: 3 }), Object.keys({ a: 1, b: 2, a: 3 }));
const proto = { inherited: true };
const b = { __proto__: proto, own: 1 };
console.log(Object.getPrototypeOf(b) === proto, b.inherited, Object.keys(b));
const __proto__ = 5;
const c = { __proto__ };
console.log(Object.getPrototypeOf(c) === Object.prototype, Object.keys(c), c.__proto__);
const d = { ['__proto__']: 7, q: 1 };
console.log(Object.getPrototypeOf(d) === Object.prototype, Object.keys(d));
console.log(Object.keys({ 2: 'a', b: 1, 0: 'c', '1': 'd', '01': 'e' }));
const e = { f: function () {}, g: () => {}, h: class {}, i: function named() {} };
console.log(e.f.name, e.g.name, e.h.name, e.i.name);
const f = { m() { return this.v; }, v: 4, get w() { return 5; } };
console.log(f.m(), f.w, Object.keys(f));
const g = { ...a, extra: 1 };
console.log(JSON.stringify(g));
// The same literal many times: independent objects with the same keys.
const rows = [];
for (let i = 0; i < 5; i++) rows.push({ id: i, sq: i * i, label: 'r' + i });
rows[1].sq = 'changed';
delete rows[2].label;
rows[3].added = true;
console.log(JSON.stringify(rows));
// Objects from a literal and the same keys added one by one behave alike.
const built = {};
built.id = 9; built.sq = 81; built.label = 'r9';
console.log(JSON.stringify(built) === JSON.stringify({ id: 9, sq: 81, label: 'r9' }));
// A value that throws: no object, the earlier values evaluated once.
log.length = 0;
try { ({ p: t('p'), q: (() => { throw new Error('boom'); })(), r: t('r') }); } catch (err) { log.push(err.message); }
console.log(log.join());
// Frozen, sealed and non-extensible literals.
const fr = Object.freeze({ k: 1, l: 2 });
try { fr.k = 3; } catch (err) { console.log(err.constructor.name); }
const ne = Object.preventExtensions({ k: 1 });
try { ne.m = 1; } catch (err) { console.log(err.constructor.name); }
console.log(JSON.stringify(fr), Object.isFrozen(fr), Object.isExtensible(ne));
// Property descriptors: every literal property is a default data property.
console.log(JSON.stringify(Object.getOwnPropertyDescriptors({ u: 1, v: undefined })));
// Seventeen names: past the shared-shape limit.
const big = { a1: 1, a2: 2, a3: 3, a4: 4, a5: 5, a6: 6, a7: 7, a8: 8, a9: 9, a10: 10, a11: 11, a12: 12, a13: 13, a14: 14, a15: 15, a16: 16, a17: 17 };
console.log(Object.keys(big).length, big.a17);
// Literals in a generator (the suspending path) and with await.
function* gen() { const o = { first: yield 1, second: yield 2 }; return o; }
const it = gen(); it.next(); it.next('A');
console.log(JSON.stringify(it.next('B').value));
(async () => { const o = { v: await Promise.resolve(3), w: 4 }; console.log(JSON.stringify(o)); })();
// Literals made by eval: new code at possibly reused addresses.
for (let i = 0; i < 3; i++) console.log(JSON.stringify(eval(i % 2 ? '({ s: 1, t: 2 })' : '({ t: 1, s: 2 })')));
for (let i = 0; i < 3; i++) console.log(JSON.stringify(eval(`({ k${i}: ${i}, same: true })`)));
// Getters on Object.prototype do not affect a literal's own properties.
Object.defineProperty(Object.prototype, 'trap', { set(v) { console.log('setter ran', v); }, configurable: true });
const tr = { trap: 1 };
console.log(Object.getOwnPropertyDescriptor(tr, 'trap').value);
delete Object.prototype.trap;
