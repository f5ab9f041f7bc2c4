// Object.freeze / seal / isFrozen / isSealed on ordinary objects, class instances and
// arrays (done in place), and on the other kinds (the general steps).
const show = (label, o) => {
  const keys = Reflect.ownKeys(o).map(String);
  const descs = Reflect.ownKeys(o).map(k => {
    const d = Object.getOwnPropertyDescriptor(o, k);
    return String(k) + ':' + ('value' in d ? 'd' : 'a') + (d.writable ? 'w' : '') + (d.enumerable ? 'e' : '') + (d.configurable ? 'c' : '');
  });
  console.log(label, Object.isExtensible(o), Object.isSealed(o), Object.isFrozen(o), keys.join(','), descs.join(' '));
};
const sym = Symbol('s');
const mk = () => {
  const o = { b: 1, a: 2, 2: 'two', 0: 'zero', [sym]: 3 };
  Object.defineProperty(o, 'hidden', { value: 4, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(o, 'acc', { get() { return 5; }, set(v) {}, enumerable: true, configurable: true });
  Object.defineProperty(o, 'ro', { value: 6, writable: false, enumerable: true, configurable: true });
  return o;
};
let o = mk(); show('plain', o);
Object.freeze(o); show('frozen', o);
o = mk(); Object.seal(o); show('sealed', o);
o = mk(); Object.preventExtensions(o); show('nonext', o);
// Sealed then frozen; frozen then sealed.
o = mk(); Object.seal(o); Object.freeze(o); show('seal+freeze', o);
o = mk(); Object.freeze(o); Object.seal(o); show('freeze+seal', o);
// Writes, deletes and additions after.
'use strict';
o = { x: 1, y: { z: 2 } }; Object.freeze(o);
o.x = 9; o.w = 1; delete o.x; o.y.z = 3;
console.log(JSON.stringify(o), o.x, o.w, Object.isFrozen(o.y));
(function () { 'use strict';
  try { o.x = 2; } catch (e) { console.log(e.constructor.name, e.message); }
  try { o.n = 2; } catch (e) { console.log(e.constructor.name, e.message); }
  try { delete o.x; } catch (e) { console.log(e.constructor.name, e.message); }
  const s = Object.seal({ p: 1 }); s.p = 2; console.log(s.p);
  try { s.q = 1; } catch (e) { console.log(e.constructor.name, e.message); }
  try { delete s.p; } catch (e) { console.log(e.constructor.name, e.message); }
})();
// Empty objects, objects with only non-configurable properties, extensible ones.
console.log(Object.isFrozen({}), Object.isSealed({}), Object.isFrozen(Object.preventExtensions({})), Object.isSealed(Object.preventExtensions({})));
o = Object.preventExtensions(Object.defineProperty({}, 'k', { value: 1, writable: true }));
console.log(Object.isSealed(o), Object.isFrozen(o));
o = Object.preventExtensions(Object.defineProperty({}, 'k', { get() {}, configurable: false }));
console.log(Object.isSealed(o), Object.isFrozen(o));
o = Object.preventExtensions(Object.defineProperty({}, 'k', { value: 1, configurable: true }));
console.log(Object.isSealed(o), Object.isFrozen(o));
// Arrays: dense, holey, sparse, with extra keys, empty, long.
let a = [1, 2, 3]; Object.freeze(a); show('arr', a);
a[0] = 9; a.push; try { a.push(4); } catch (e) { console.log(e.constructor.name, e.message); }
try { a.length = 0; } catch (e) { console.log(e.constructor.name, e.message); }
console.log(a.length, a.join('|'), Array.isArray(a), a.map(x => x * 2).join(), [...a].join(), a.indexOf(2), a.includes(3));
a = [1, , 3, , ]; Object.freeze(a); show('holey', a); console.log(a.length, 1 in a, 3 in a);
a = [1, 2]; a[10] = 'far'; a.extra = true; Object.seal(a); show('sparse-sealed', a);
a[0] = 'w'; a[5] = 'no'; console.log(a[0], a[5], a.length);
try { a.length = 1; console.log('length set', a.length); } catch (e) { console.log(e.constructor.name, e.message); }
(function () { 'use strict'; try { a.length = 1; } catch (e) { console.log(e.constructor.name, e.message); } console.log(a.length, a[10]); })();
a = []; Object.freeze(a); show('empty', a);
a = Array.from({ length: 40 }, (_, i) => i * i); Object.freeze(a);
console.log(Object.isFrozen(a), a.reduce((x, y) => x + y), a[39], Object.keys(a).length, JSON.stringify(a.slice(30)));
for (const k in a) if (k === '20') console.log('for-in', k, a[k]);
a = [1, 2, 3]; Object.preventExtensions(a); console.log(Object.isSealed(a), Object.isFrozen(a));
a = [1]; Object.seal(a); console.log(Object.isSealed(a), Object.isFrozen(a)); a[0] = 5; console.log(a[0]);
a = []; Object.preventExtensions(a); console.log(Object.isSealed(a));
a = []; Object.seal(a); console.log(Object.isSealed(a));
a = [1, 2, 3]; a.length = 1; Object.freeze(a); show('shrunk', a);
// Class instances with private fields and methods: the private names stay writable.
class P {
  #n = 1; pub = 2; static #c = 0;
  #m() { return this.#n; }
  get g() { return this.#n; }
  bump() { this.#n++; return this.#m(); }
}
const p = Object.freeze(new P());
console.log(Object.isFrozen(p), p.bump(), p.bump(), p.g, p.pub);
p.pub = 5; console.log(p.pub); show('private', p);
const p2 = new P(); Object.preventExtensions(p2);
Object.defineProperty(p2, 'pub', { writable: false, configurable: false });
console.log(Object.isSealed(p2), Object.isFrozen(p2), p2.bump());
// Other kinds take the general steps.
const f = function named(a, b) {}; Object.freeze(f); show('function', f);
const e = new Error('m'); Object.freeze(e); console.log(Object.isFrozen(e), Object.getOwnPropertyNames(e).join());
const str = Object('ab'); Object.seal(str); console.log(Object.isSealed(str), Object.isFrozen(str), str[0]);
const args = (function () { return arguments; })(1, 2); Object.freeze(args); show('arguments', args);
const m = new Map([[1, 2]]); Object.freeze(m); m.set(3, 4); console.log(Object.isFrozen(m), m.size);
const d = new Date(0); Object.seal(d); console.log(Object.isSealed(d), d.getTime());
const re = /x/g; Object.freeze(re); try { re.exec('x'); } catch (e2) { console.log(e2.constructor.name, e2.message); }
const ta = new Uint8Array(0); Object.freeze(ta); console.log(Object.isFrozen(ta));
try { Object.freeze(new Uint8Array(2)); } catch (e3) { console.log(e3.constructor.name, e3.message); }
console.log(Object.isFrozen(new Uint8Array(0)), Object.isFrozen(Object.preventExtensions(new Uint8Array(0))));
const log = [];
const px = new Proxy({ a: 1 }, {
  preventExtensions(t) { log.push('preventExtensions'); return Reflect.preventExtensions(t); },
  ownKeys(t) { log.push('ownKeys'); return Reflect.ownKeys(t); },
  getOwnPropertyDescriptor(t, k) { log.push('gopd ' + String(k)); return Reflect.getOwnPropertyDescriptor(t, k); },
  defineProperty(t, k, d) { log.push('define ' + String(k) + ' ' + JSON.stringify(d)); return Reflect.defineProperty(t, k, d); },
  isExtensible(t) { log.push('isExtensible'); return Reflect.isExtensible(t); },
});
Object.freeze(px); console.log(Object.isFrozen(px), Object.isSealed(px)); console.log(log.join('; '));
const fx = Object.freeze(new Proxy([1, 2], {})); console.log(Object.isFrozen(fx), Object.isFrozen([1, 2]));
// Primitives.
console.log(Object.freeze(1), Object.seal('s'), Object.isFrozen(1), Object.isSealed('x'), Object.isFrozen(undefined));
// Null-prototype objects and getters not run by the checks.
let ran = 0;
const np = Object.create(null, { g: { get() { ran++; return 1; }, enumerable: true, configurable: true } });
np.v = 1; Object.freeze(np); console.log(Object.isFrozen(np), ran, np.g, ran);
// Many keys (a dictionary map), some deleted first.
const big = {}; for (let i = 0; i < 40; i++) big['k' + i] = i; for (let i = 0; i < 40; i += 3) delete big['k' + i];
Object.freeze(big); console.log(Object.isFrozen(big), Object.keys(big).length, big.k1, big.k39); big.k1 = 0; console.log(big.k1);
// A frozen prototype: assignment on an inheriting object fails too.
const proto = Object.freeze({ inh: 1 }); const child = Object.create(proto); child.inh = 2; console.log(child.inh, Object.keys(child).length);
// Warm sites see the change of attributes.
const objs = []; for (let i = 0; i < 5; i++) objs.push({ q: i });
function setq(x) { x.q = 100; return x.q; }
for (const x of objs) setq(x);
Object.freeze(objs[2]); objs[2].q; console.log(objs.map(x => (x.q = 7, x.q)).join());
