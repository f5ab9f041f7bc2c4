// Destructuring, spread and for-of over arrays use the built-in array iterator unless a
// script changed what GetIterator or IteratorClose would observe.
const log = [];
const show = (label, v) => console.log(label, JSON.stringify(v), log.splice(0).join(' '));

const [a, b] = [1, 2, 3];
show('plain', [a, b]);
const [, second, ...others] = [1, 2, 3, 4];
show('elision and rest', [second, others]);
const [h1, h2 = 'default'] = [, undefined];
show('holes', [h1, h2]);

// `return` on the iterator's chain is called when destructuring stops early.
const AIP = Object.getPrototypeOf([][Symbol.iterator]());
const IteratorPrototype = Object.getPrototypeOf(AIP);
IteratorPrototype.return = function () { log.push('Iterator.prototype.return'); return {}; };
{ const [x] = [7, 8]; show('return on Iterator.prototype', x); }
{ const [x, y] = [7, 8]; show('exhausted? no: return still called', [x, y]); }
{ const [x, y, z] = [7, 8]; show('exhausted: no return', [x, y, z]); }
delete IteratorPrototype.return;
Object.prototype.return = function () { log.push('Object.prototype.return'); return {}; };
{ const [x] = [9, 10]; show('return on Object.prototype', x); }
delete Object.prototype.return;
{ const [x] = [9, 10]; show('return removed', x); }

// A replaced next.
const originalNext = AIP.next;
AIP.next = function () { log.push('next'); return originalNext.call(this); };
{ const [x] = [1, 2]; show('replaced next', x); }
console.log('spread', [...[1, 2]].length, log.splice(0).length);
AIP.next = originalNext;
{ const [x] = [1, 2]; show('next restored', x); }

// A replaced Array.prototype[Symbol.iterator].
const values = Array.prototype[Symbol.iterator];
Array.prototype[Symbol.iterator] = function* () { log.push('custom iterator'); yield 'c'; };
{ const [x] = [1, 2]; show('custom @@iterator', x); }
for (const v of [5]) show('for-of custom', v);
Array.prototype[Symbol.iterator] = values;
{ const [x] = [1, 2]; show('@@iterator restored', x); }

// An array's own @@iterator, and a subclass.
const own = [1, 2];
own[Symbol.iterator] = function* () { log.push('own iterator'); yield 'own'; };
{ const [x] = own; show('own @@iterator', x); }
class List extends Array {
  *[Symbol.iterator]() { log.push('subclass iterator'); yield* super[Symbol.iterator](); }
}
{ const [x, y] = List.of(3, 4); show('subclass', [x, y]); }

// Getters on Array.prototype indices are read through holes.
Object.defineProperty(Array.prototype, 1, { get() { log.push('index getter'); return 'from proto'; }, configurable: true });
{ const [x, y] = [1, , 3]; show('hole getter', [x, y]); }
delete Array.prototype[1];

// Defaults that change the array while it is being destructured.
const arr = [1];
const [p, q = (arr.push(2), 'pushed'), r] = arr;
show('array grows', [p, q, r]);
console.log(Array.from([1, 2, 3], (x) => x * 2), new Set([1, 1, 2]).size, Math.max(...[4, 5]));
