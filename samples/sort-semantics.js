// Array.prototype.sort / toSorted: V8's pre-processing and observable steps.
const log = [];
const cmpLog = (a, b) => { log.push(`${a}-${b}`); return a - b; };

// Holes and undefined go to the end without reaching the comparator.
const holes = [3, , undefined, 1, , 2, undefined];
holes.sort(cmpLog);
console.log(holes, holes.length, 1 in holes, 5 in holes, 6 in holes, log.join(' '));
log.length = 0;
console.log([undefined, 3, undefined, 1].toSorted(cmpLog), log.join(' '));
log.length = 0;
console.log([, 2, , 1].toSorted(), [, 'b', , 'a'].toSorted((a, b) => (a < b ? -1 : 1)));

// The default order converts with ToString at every comparison.
let n = 0;
const objs = [3, 1, 2, 5, 4].map((v) => ({ v, toString() { n++; log.push('ts' + v); return String(v); } }));
objs.sort();
console.log(objs.map((o) => o.v).join(), n, log.join(' '));
log.length = 0;
console.log([10, 9, 1, 100, -1, -0, 0, 1e21, 1e-7, NaN, Infinity, 'x', true, null].sort());
console.log(['b', 'a', 'B', 'é', 'e', '\u{1F600}', '\uFFFF', ''].sort());
console.log([[2, 1], [1, 2], [1]].sort());

// Comparator results go through ToNumber.
console.log([3, 1, 2].sort((a, b) => ({ valueOf() { log.push('vo'); return a - b; } })), log.length);
log.length = 0;
console.log([3, 1, 2].sort((a, b) => `${a - b}`), [3, 1, 2].sort((a, b) => (a < b ? -Infinity : Infinity)));
console.log([3, 1, 2].sort(() => NaN), [3, 1, 2].sort(() => null), [3, 1, 2].sort(() => undefined));
try { [3, 1, 2].sort(() => 1n) } catch (e) { console.log(e.constructor.name, e.message) }
try { [3, 1, 2].sort(() => Symbol()) } catch (e) { console.log(e.constructor.name, e.message) }

// A throwing comparator propagates; the array is left unchanged.
const big = Array.from({ length: 50 }, (_, i) => (i * 37) % 50);
const before = big.join();
let count = 0;
try { big.sort((a, b) => { if (++count === 120) throw new Error('stop at ' + count); return a - b; }) } catch (e) { console.log(e.message) }
console.log(big.join() === before, big.length);
try { [2, 1].sort(1) } catch (e) { console.log(e.message) }
try { [2, 1].toSorted(null) } catch (e) { console.log(e.message) }

// The comparator sees a copy: mutating the array while sorting does not disturb the sort.
const m = [5, 4, 3, 2, 1];
m.sort((a, b) => { m.push(99); m[0] = 42; return a - b; });
console.log(m.length, m.slice(0, 6));

// Array-likes and accessors: HasProperty/Get, then Set and Delete.
const trap = (name) => (...args) => { log.push(name + ':' + String(args[1])); return Reflect[name](...args); };
const target = { length: 5, 0: 'c', 1: undefined, 3: 'a', 4: 'b' };
const p = new Proxy(target, { get: trap('get'), has: trap('has'), set: trap('set'), deleteProperty: trap('deleteProperty') });
Array.prototype.sort.call(p);
console.log(log.join(' '));
console.log(target);
log.length = 0;
Array.prototype.toSorted.call(p);
console.log(log.join(' '));
log.length = 0;
const one = new Proxy({ length: 1, 0: 'x' }, { get: trap('get'), has: trap('has') });
Array.prototype.sort.call(one);
console.log(log.join(' '));
log.length = 0;
console.log(Array.prototype.sort.call({ length: 3, 0: 2, 2: 1 }), Array.prototype.sort.call('a'));
const proto = [, 'from proto'];
Object.setPrototypeOf(proto, Array.prototype);
Array.prototype[1] = 'inherited';
const withProto = ['z', , 'a'];
withProto.sort();
console.log(withProto, Object.keys(withProto));
delete Array.prototype[1];

// Stability with many equal keys.
const people = Array.from({ length: 40 }, (_, i) => ({ name: 'p' + i, age: 20 + (i * 7) % 5 }));
console.log(people.sort((a, b) => a.age - b.age).map((p) => p.name).join(' '));
console.log([1, 2, 3, 4, 5].sort(() => -1), [1, 2, 3, 4, 5].sort(() => 1), [5, 1, 4, 2, 3].sort((a, b) => a > b));
const frozen = Object.freeze([1]);
console.log(frozen.sort() === frozen);
try { Object.freeze([2, 1]).sort() } catch (e) { console.log(e.message) }
