// for-of, spread and destructuring over Maps and Sets: entries added during the loop are
// visited, deleted ones skipped, and a replaced `next` is called as written.
const m = new Map([['a', 1], ['b', 2], ['c', 3]]);
for (const [k, v] of m) {
  if (k === 'a') { m.delete('b'); m.set('d', 4); }
  console.log(k, v);
}
const s = new Set([1, 2, 3]);
for (const x of s) {
  if (x === 1) { s.delete(2); s.add(9); }
  if (x === 3) s.clear();
  console.log('set', x);
}
console.log([...new Map([[1, 'x']]).keys()], [...new Set('hello')].join(''), Array.from(new Map([[1, 2]])));
const [[k1, v1], second = 'none'] = new Map([['only', true]]);
console.log(k1, v1, second);
const it = new Map([[1, 1], [2, 2]]).entries();
console.log(it.next(), [...it], it.next());

const MapIteratorPrototype = Object.getPrototypeOf(new Map().entries());
const originalNext = MapIteratorPrototype.next;
let calls = 0;
MapIteratorPrototype.next = function () { calls++; return originalNext.call(this); };
for (const e of new Map([[1, 2], [3, 4]])) console.log('replaced next', e);
console.log('calls', calls);
MapIteratorPrototype.next = originalNext;
const SetIteratorPrototype = Object.getPrototypeOf(new Set().values());
SetIteratorPrototype.next = function () { return { done: true, value: 'never' }; };
console.log([...new Set([1, 2])]);
