// WeakMap and WeakSet: keys held weakly, values kept while their keys live, and
// util.inspect's showHidden listing the live entries (sorted, as Node sorts them).
const util = require('util');

const cache = new WeakMap();
const seen = new WeakSet();
function area(shape) {
  if (cache.has(shape)) return cache.get(shape);
  const a = shape.w * shape.h;
  cache.set(shape, a);
  seen.add(shape);
  return a;
}
const shapes = [{ w: 2, h: 3 }, { w: 4, h: 5 }];
console.log(shapes.map(area), shapes.map(area));
console.log(util.inspect(cache, { showHidden: true }));
console.log(util.inspect(seen, { showHidden: true }));
console.log(cache, seen);

// Many short-lived keys: each entry goes with its key.
for (let i = 0; i < 50000; i++) {
  const key = { i };
  cache.set(key, { owner: key, payload: new Array(20).fill(i) });
}
console.log(cache.get(shapes[1]));

// A value that refers to its own key, and a chain of keys through values.
const head = { name: 'head' };
let cur = head;
for (let i = 0; i < 5; i++) {
  const next = { name: `n${i}` };
  cache.set(cur, { next });
  cur = next;
}
let n = 0;
for (let k = head; cache.has(k); k = cache.get(k).next) n++;
console.log('chain', n);

// Symbols that are not registered can be weak keys; registered ones cannot.
const tag = Symbol('tag');
cache.set(tag, 'tagged');
console.log(cache.get(tag), cache.has(Symbol('tag')));
try {
  cache.set(Symbol.for('tag'), 1);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
try {
  seen.add(1);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
console.log(cache.delete(tag), cache.delete(tag), cache.get(tag));
console.log(util.inspect(new WeakSet(), { showHidden: true }), util.inspect(new WeakMap([[head, [1, 2]]]), { showHidden: true, depth: 0 }));
