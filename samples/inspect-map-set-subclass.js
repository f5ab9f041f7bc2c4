// util.inspect of Map/Set subclasses as Node 24's formatMap/formatSet: the count in the
// prefix is the internal size, the entries come from `for...of value` (the subclass's own
// iterator, as immer's DraftMap keeps its entries elsewhere), bounded by `value.size`.
const util = require('util');

class Draft extends Map {
  constructor(base) { super(); this.base = base; }
  get size() { return this.base.size; }
  [Symbol.iterator]() { return this.base.entries(); }
}
console.log(new Draft(new Map([['a', 1], ['b', { c: 2 }]])));

class Closing extends Map {
  get size() { console.log('size read'); return 1; }
  *[Symbol.iterator]() {
    try { yield ['a', 1]; yield ['b', 2]; } finally { console.log('iterator closed'); }
  }
}
console.log(new Closing([[1, 1], [2, 2], [3, 3]]));
console.log(util.inspect(new Closing([[1, 1]]), { maxArrayLength: 0 }));

class Strings extends Map { *[Symbol.iterator]() { yield 'xy'; yield [7]; } }
console.log(new Strings([[1, 1]]));

class Odd extends Set { get size() { return 0; } *[Symbol.iterator]() { yield 7; } }
console.log(new Odd([1, 2]));
class Few extends Set { get size() { return 1.5; } }
console.log(new Few([1, 2, 3]));
class NoSize extends Set { get size() { return undefined; } }
console.log(util.inspect(new NoSize([1, 2, 3]), { maxArrayLength: 1 }));

class Throws extends Map { [Symbol.iterator]() { throw new Error('no iterator'); } }
try { console.log(new Throws([[1, 2]])); } catch (e) { console.log('threw:', e.message); }
class Holes extends Map { *[Symbol.iterator]() { yield undefined; } }
try { console.log(new Holes([[1, 2]])); } catch (e) { console.log('threw:', e.constructor.name); }

// A null prototype: the built-in entries, all of them (Node's iterator has no `size`).
console.log(util.inspect(Object.setPrototypeOf(new Set([1, 2, 3]), null), { maxArrayLength: 1 }));
console.log(util.inspect(Object.setPrototypeOf(new Map([[1, 2], [3, 4]]), null), { maxArrayLength: 1 }));
// Plain collections are unchanged.
console.log(util.inspect(new Set([1, 2, 3]), { maxArrayLength: 1 }), new Map([[{ k: 1 }, [1]]]));
const m = new Map([[1, 2]]);
m[Symbol.iterator] = function* () { yield ['own', 'iterator']; };
console.log(m);
