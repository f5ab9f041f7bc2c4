// Console coloring, compared with Node run with FORCE_COLOR=1 (colors on even when piped)
// and without it (piped: no colors). Regenerate the .out/.err files with the reference Node 24
// (../shared/reference-node/node, written `node` below):
//   FORCE_COLOR=1 node console.js > console.color.out 2> console.color.err
//   node console.js > console.plain.out 2> console.plain.err
class Person { constructor(name, age) { this.name = name; this.age = age; } }
function* gen() { yield 1; }
console.log({ a: 1, b: 'x', c: [true, null, undefined], d: Symbol('s'), f() {}, g: new Date(0), r: /a/g });
console.log('plain string', 1, -0, NaN, [1.5, 'two', [3, [4, [5]]]]);
console.log('%s | %d | %i | %f | %j | %o | %O | %c|', { s: 1 }, 42, 7.9, '1.5', { j: 1 }, [1], { o: 'O' }, 'color: red');
console.log(new Person('Ada', 36), [new Person('Bob', 1)]);
console.log(new Map([['k', { v: 1 }]]), new Set([1, 'a']), new WeakMap());
console.log(Promise.resolve(4), Promise.reject(new Error('no')).catch(() => {}) && 0, new Promise(() => {}));
console.log(gen(), gen, async () => {}, class A {}, Symbol.iterator, [ , 1, , ]);
console.log({ 'key-x': 1, [Symbol('k')]: 2, get g() { return 1; }, set s(v) {} });
console.log([new Number(3), new String('s'), new Boolean(false), Object(Symbol('b'))]);
const circ = { name: 'c' }; circ.self = circ; console.log(circ);
console.log({ deep: { deeper: { deepest: { gone: 1 } } } }, Array.from({ length: 30 }, (_, i) => i * 3));
console.log(Object.create(null), [undefined, null], 'x'.repeat(5));
console.dir({ dir: { a: [1, 2] } }, { depth: 0 });
console.table([{ a: 1, b: 'x' }, { a: true, c: null }]);
console.group('Group', { g: 1 });
console.log([1, 2]);
console.groupEnd();
console.error('to stderr', { e: 1 }, [false]);
console.warn(new Set([2]));
console.assert(false, 'assert %s', 'msg', { n: 1 });
