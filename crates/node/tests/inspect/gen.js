// Generates crates/node/tests/inspect/cases.json: each case's expected stdout from Node.
// Usage: node crates/node/tests/inspect/gen.js > crates/node/tests/inspect/cases.json
// A case is {expr} (the script is `console.log(<expr>)`) or {code} (a whole script);
// `skip` marks cases jsgen cannot run yet, with the reason.
'use strict';

const cases = [];
const E = (expr, skip) => cases.push(skip ? { expr, skip } : { expr });
const C = (code, skip) => cases.push(skip ? { code, skip } : { code });

// ---- primitives
['1', '-1', '0', '-0', '1.5', '1e21', '1e-7', 'NaN', 'Infinity', '-Infinity', 'true', 'false',
 'null', 'undefined', '"str"', 'Symbol()', 'Symbol("x")', 'Symbol.iterator', 'Symbol("")',
 '0.1+0.2', '2**53', '123456789.123'].forEach((e) => { E(e); E(`[${e}]`); });
E('1, "a", null, undefined, true');
E('"a", "", "b"');
E('"trailing", ""');
E('');

// ---- strings in containers: quotes and escapes
for (const s of ["it's", 'say "hi"', 'both \' and "', 'all \' " `', 'tmpl ${x} \' "',
  'tab\there', 'nl\nhere', 'cr\rhere', 'bs\\here', 'bell\x07', 'nul\x00', 'del\x7f', 'c1\x85',
  '\b\f\v', 'üñî', '日本語', 'emoji 😀', '\ud800 lone', 'lone \udc00', '']) {
  E(`[${JSON.stringify(s)}]`);
  E(`{ s: ${JSON.stringify(s)} }`);
}
E(`["a".repeat(20) + "\\n" + "b".repeat(20)]`);
E(`["short\\nlines"]`);
E(`["0123456789abcdef\\n"]`);
E(`["0123456789abcdefg\\n"]`);
E(`{ text: "line one is here\\nline two is here\\nline three is here too, long enough ok" }`);
E(`[["x".repeat(30) + "\\n" + "y".repeat(40) + "\\n"]]`);
E(`"x".repeat(10001).length`);
E(`["x".repeat(10005)].map(s => s).length`);

// ---- numbers and arrays / grouping
for (const n of [0, 1, 5, 6, 7, 8, 10, 16, 25, 26, 27, 30, 50, 99, 100, 101, 102, 150]) {
  E(`Array.from({ length: ${n} }, (_, i) => i)`);
}
E(`Array.from({ length: 26 }, (_, i) => i * 1000)`);
E(`Array.from({ length: 30 }, (_, i) => i % 3 ? i : -i * 1.5)`);
E(`Array.from({ length: 12 }, (_, i) => "s" + i)`);
E(`Array.from({ length: 12 }, (_, i) => "x".repeat(i))`);
E(`Array.from({ length: 40 }, (_, i) => "item" + i)`);
E(`Array.from({ length: 7 }, () => true)`);
E(`Array.from({ length: 7 }, () => ({ a: 1 }))`);
E(`Array.from({ length: 8 }, (_, i) => [i, i])`);
E(`Array.from({ length: 10 }, (_, i) => i % 2 ? "odd" : i)`);
E(`Array.from({ length: 120 }, (_, i) => "v" + i)`);
E(`['apple','banana','cherry','date','elderberry','fig','grape']`);
E(`['apple','banana','cherry','date','elderberry','fig','grape','h']`);
E(`[1, 2, 3, 4, 5, 6, 'x'.repeat(40)]`);
E(`[1, 2, 3, 4, 5, 6, 7, 'x'.repeat(20)]`);
E(`[[1,2,3,4,5,6,7,8], [1,2,3,4,5,6,7,8,9,10]]`);
E(`{ list: Array.from({ length: 30 }, (_, i) => i) }`);
E(`{ a: { list: Array.from({ length: 30 }, (_, i) => i * 7) } }`);
E(`[]`); E(`[[]]`); E(`[[[]]]`); E(`[[[[]]]]`); E(`[[[[1]]]]`); E(`[[[[[1]]]]]`);
E(`[1, [2, [3, [4, [5]]]]]`);
E(`[undefined, null, NaN, -0, 0, Infinity]`);
E(`[1.5, -2, 0, -0, NaN, Infinity, -Infinity]`);
E(`[1, , 3]`); E(`[, , , 'x']`); E(`new Array(5)`); E(`new Array(1)`); E(`[,]`);
E(`(() => { const a = []; a[2] = 'two'; a[7] = 'seven'; return a; })()`);
E(`(() => { const a = [1, 2]; a.label = 'x'; a['max-value'] = 2; return a; })()`);
E(`(() => { const a = []; a.x = 1; return a; })()`);
E(`(() => { const a = [1, 2, 3, 4]; a.length = 2; return a; })()`);
E(`(() => { const a = new Array(200); a[150] = 1; return a; })()`);
E(`(() => { const a = Array.from({ length: 110 }, (_, i) => i); a.extra = true; return a; })()`);
E(`(() => { const a = []; a[5] = 1; a[6] = 2; a.length = 10; return a; })()`);
E(`(() => { const a = [1, 2, 3]; a[Symbol('s')] = 4; return a; })()`);
E(`(() => { const a = [1]; Object.defineProperty(a, 1, { get() { return 1; }, enumerable: true }); return a; })()`);
E(`(() => { const a = [1, 2, 3]; a['-1'] = 0; a['1.5'] = 9; return a; })()`);

// ---- objects: keys, nesting, line breaking
E(`{}`); E(`{ a: 1 }`); E(`{ a: 1, b: 'two', c: [3], d: { e: 4 } }`);
E(`{ 'a b': 1, '1': 2, $d: 3, _u: 4, a1: 5, '1a': 6, 'ünï': 7, '': 8, 'it\\'s': 9 }`);
E(`{ __proto__: null, x: 1 }`);
E(`{ ['__proto__']: 1 }`);
E(`{ b: 1, a: 2, 10: 3, 2: 4, '-1': 5, '1.5': 6 }`);
E(`{ [Symbol('s')]: 1, a: 2, [Symbol()]: 3, [Symbol.iterator]: 4, [Symbol("it's\\n")]: 5 }`);
E(`{ a: { b: { c: { d: 1 } } } }`);
E(`{ a: { b: { c: {} } } }`);
E(`{ a: { b: { c: [] } } }`);
E(`{ a: { b: { c: [1] } } }`);
E(`{ a: [{ b: { c: 1 } }] }`);
E(`[{ a: { b: { c: 1 } } }]`);
E(`{ a: 1, b: { c: 2, d: { e: 3, f: { g: 4 } } } }`);
E(`{ level1: { level2: { level3: { level4: 'deep' } } } }`);
for (let n = 55; n <= 66; n++) E(`{ key: 'x'.repeat(${n}) }`);
for (let n = 50; n <= 62; n++) E(`{ a: 'x'.repeat(${n}), b: 1 }`);
for (let n = 60; n <= 80; n += 2) E(`{ s: 'x'.repeat(${n}) }`);
for (let n = 8; n <= 14; n++) E(`['aaaaaaaaa', 'bbbbbbbbb', 'ccccccccc', 'ddddddddd', 'e'.repeat(${n})]`);
for (let n = 40; n <= 56; n += 2) E(`{ outer: { inner: 'y'.repeat(${n}) } }`);
for (let n = 40; n <= 56; n += 2) E(`[[ 'y'.repeat(${n}), 1 ]]`);
for (let n = 30; n <= 50; n += 4) E(`{ a: { b: { c: 'z'.repeat(${n}) } } }`);
E(`{ a: 'x'.repeat(60), b: 'y'.repeat(10) }`);
E(`{ s: 'x'.repeat(80) }`);
E(`{ name: 'Alice', age: 30, email: 'alice@example.com', roles: ['admin', 'user'], active: true }`);
E(`{ id: 1, items: [{ id: 1, name: 'one' }, { id: 2, name: 'two' }, { id: 3, name: 'three' }] }`);
E(`[{ id: 1, name: 'Alice' }, { id: 2, name: 'Bob' }, { id: 3, name: 'Carol' }]`);
E(`{ matrix: [[1, 2, 3], [4, 5, 6], [7, 8, 9]] }`);
E(`{ config: { server: { host: 'localhost', port: 8080 }, db: { user: 'root', pass: 'secret' } } }`);
E(`Object.fromEntries(Array.from({ length: 30 }, (_, i) => ['k' + i, i]))`);
E(`{ a: [1, 2, 3, 4, 5, 6, 7], b: 'x' }`);
E(`{ a: 1 }, { b: 2 }, [3]`);
E(`{ f() {}, g: function () {}, h: () => {}, async i() {}, *j() {} }`);
E(`{ undef: undefined, nul: null, nan: NaN, negz: -0 }`);
E(`[{}, [], { a: {} }, [[]]]`);

// ---- accessors and property attributes
E(`{ get a() { return 1; }, set b(v) {}, get c() { return 1; }, set c(v) {} }`);
E(`Object.defineProperty({ x: 1 }, 'hidden', { value: 2, enumerable: false })`);
E(`Object.defineProperty({}, 'g', { get() { return 1; }, enumerable: true })`);
C(`class Circle { constructor(r) { this.r = r; } get area() { return 1; } }\nconsole.log(new Circle(2));`);

// ---- classes, prototypes, toStringTag
C(`class Foo { constructor() { this.x = 1; } }\nconsole.log(new Foo());\nconsole.log([new Foo()]);\nconsole.log(new (class {})());`);
C(`class Foo {}\nconsole.log(new Foo(), [new Foo()], { f: new Foo() });`);
C(`class A { #p = 1; q = 2; }\nconsole.log(new A());`);
C(`class A {}\nclass B extends A { constructor() { super(); this.b = 1; } }\nconsole.log(new B());`);
C(`class Tagged { constructor() { this.data = 1; } get [Symbol.toStringTag]() { return 'CustomTag'; } }\nconsole.log(new Tagged());`);
C(`class T2 { get [Symbol.toStringTag]() { return 'T2'; } }\nconsole.log(new T2());`);
E(`{ [Symbol.toStringTag]: 'Own' }`);
E(`Object.defineProperty({ a: 1 }, Symbol.toStringTag, { value: 'Hidden' })`);
E(`Object.create(null)`);
E(`Object.assign(Object.create(null), { a: 1, b: { c: 2 } })`);
E(`Object.create(Object.create(null))`);
E(`Object.create({})`);
E(`Object.create({ inherited: 1 })`);
C(`function Legacy() { this.v = 1; }\nconsole.log(new Legacy());`);
C(`function P() {}\nP.prototype = { constructor: P, m() {} };\nconsole.log(new P());`);
C(`const proto = { hello() {} };\nconst o = Object.create(proto);\no.own = 1;\nconsole.log(o);`);
C(`class Node { constructor(v) { this.value = v; this.next = null; } }\nconst a = new Node(1); a.next = new Node(2); a.next.next = new Node(3); a.next.next.next = new Node(4);\nconsole.log(a);`);
E(`Math`); E(`JSON`); E(`globalThis === this`);
E(`{ math: Math }`);

// ---- functions and classes
C(`function greet() {}\nconst arrow = () => {};\nconsole.log(greet, arrow, function () {}, () => {});`);
C(`const anonymous = [function () {}][0];\nconsole.log(anonymous);`);
C(`const obj = { method() {}, prop: function () {}, arrow: () => {} };\nconsole.log(obj.method, obj.prop, obj.arrow, obj);`);
C(`class Animal {}\nclass Dog extends Animal {}\nconsole.log(Animal, Dog, class {}, [Animal, Dog]);`);
C(`class A { static count = 0; }\nconsole.log(A);`);
C(`class A { static x = 1; static y = 'two'; }\nclass B extends A {}\nconsole.log(B, A);`);
C(`const C = class {};\nconsole.log(C);\nconst D = class Named {};\nconsole.log(D);`);
C(`async function load() {}\nfunction* gen() {}\nasync function* agen() {}\nconsole.log(load, gen, agen, async () => {});`);
C(`function greet() {}\nconsole.log(greet.bind(null), greet.bind(null).bind(null));`);
C(`function counter() {}\ncounter.count = 3;\ncounter.reset = () => {};\nconsole.log(counter);`);
C(`console.log(Math.max, console.log, Array.isArray, Object, Function, Symbol, Error);`);
C(`console.log(Array, Map, Set, Promise, Date);`);
C(`const o = { *[Symbol.iterator]() {} };\nconsole.log(o[Symbol.iterator]);`);
C(`const f = function () {};\nObject.defineProperty(f, 'name', { value: '' });\nconsole.log(f);`);
C(`const f = () => {};\nObject.defineProperty(f, 'name', { value: 'renamed' });\nconsole.log(f, { f });`);
C(`function f() {}\nObject.setPrototypeOf(f, null);\nconsole.log(f);`);
C(`function f() {}\nf.nested = { a: { b: { c: 1 } } };\nconsole.log([f]);`);

// ---- boxed primitives
E(`new Number(3)`); E(`new Number(-0)`); E(`new String('x')`); E(`new String("it's")`);
E(`new Boolean(false)`); E(`Object(Symbol('a'))`); E(`[new Number(1), new String('ab')]`);
E(`Object.assign(new Number(3), { x: 1 })`); E(`Object.assign(new String('ab'), { x: 1 })`);
C(`class MyNum extends Number {}\nconsole.log(new MyNum(5));`);

// ---- Map / Set / Weak
E(`new Map()`); E(`new Set()`); E(`new Map([['a', 1]])`); E(`new Map([[1, 'a'], ['b', { c: 2 }]])`);
E(`new Set([1, 'two', [3]])`); E(`new Set([1, 2, 3, 4, 5, 6, 7, 8])`);
E(`new Set(Array.from({ length: 30 }, (_, i) => i))`);
E(`new Map(Array.from({ length: 12 }, (_, i) => ['key' + i, i]))`);
E(`new Map([[{ a: 1 }, [1, 2]], [[1], new Set([1])]])`);
E(`{ m: new Map([['x', { y: { z: 1 } }]]) }`);
E(`[new Set([new Set([new Set([1])])])]`);
E(`new Set(Array.from({ length: 105 }, (_, i) => i))`);
E(`Object.assign(new Map([[1, 2]]), { extra: 'prop' })`);
E(`Object.assign(new Set(), { extra: 'prop' })`);
E(`new WeakMap()`); E(`new WeakSet()`); E(`[new WeakMap([[{}, 1]])]`);
C(`class Registry extends Map {}\nconst r = new Registry(); r.set('k', 'v');\nconsole.log(r, new Registry());`);
C(`class Bag extends Set {}\nconsole.log(new Bag([1, 2]));`);
C(`class Things extends Array {}\nconsole.log(Things.from([1, 2]), new Things());`);
E(`new Map([['a', 'x'.repeat(70)]])`);
E(`new Map([['long key number one', 'long value number one'], ['long key number two', 'long value two']])`);

// ---- iterators
E(`[1, 2].values()`); E(`[1, 2].entries()`); E(`'ab'[Symbol.iterator]()`);
E(`new Map([['a', 1], ['b', 2]]).keys()`); E(`new Map([['a', 1], ['b', 2]]).values()`);
E(`new Map([['a', 1], ['b', 2]]).entries()`); E(`new Map([['a', 1]])[Symbol.iterator]()`);
E(`new Set([1, 2]).values()`); E(`new Set([1, 2]).entries()`);
C(`const it = new Map([['a', 1], ['b', 2]]).keys();\nit.next();\nconsole.log(it);\nit.next();\nconsole.log(it);`);
C(`const it = new Set(['x']).values();\nit.next();\nconsole.log(it, [it]);`);
C(`function* g() { yield 1; }\nconsole.log(g(), [g()]);`);
C(`async function* ag() {}\nconsole.log(ag());`);
C(`function f() { return arguments; }\nconsole.log(f(1, 'two', [3]), f());`);

// ---- circular
C(`const o = { name: 'o' };\no.self = o;\nconsole.log(o);`);
C(`const parent = { name: 'parent' };\nconst child = { name: 'child', parent };\nparent.child = child;\nconsole.log(parent);\nconsole.log(child);\nconsole.log([parent]);`);
C(`const l = [1, 2];\nl.push(l);\nconsole.log(l);`);
C(`const a = { name: 'a' }; a.me = a;\nconst b = { name: 'b' }; b.me = b;\nconsole.log({ a, b });`);
C(`const shared = { s: 1 };\nconsole.log({ first: shared, second: shared });`);
C(`const m = new Map(); m.set('self', m);\nconsole.log(m);\nconst s = new Set(); s.add(s);\nconsole.log(s);`);
C(`const a = {}; const b = { a }; a.b = b; a.a = a;\nconsole.log(a);`);
C(`const x = { y: {} }; x.y.x = x; x.y.y = x.y;\nconsole.log(x);`);
C(`class N { constructor(v) { this.v = v; this.next = null; } }\nconst n1 = new N(1), n2 = new N(2);\nn1.next = n2; n2.next = n1;\nconsole.log(n1);`);
C(`const o = {}; o.o = o;\nconsole.log({ deep: { deeper: { o } } });`);

// ---- errors (stacks set explicitly so output does not depend on paths)
C(`const e = new Error('x'); delete e.stack;\nconsole.log(e, [e]);`);
C(`const e = new TypeError('bad'); delete e.stack;\nconsole.log(e);`);
C(`const e = new Error('x'); e.stack = 'Error: x\\n    at foo (a.js:1:1)\\n    at bar (a.js:2:2)';\nconsole.log(e);\nconsole.log({ e });\nconsole.log([e]);`);
C(`const e = new Error('x'); e.stack = 'Error: x\\n    at foo (a.js:1:1)'; e.code = 'E1'; e.n = 2;\nconsole.log(e);`);
C(`const e = new RangeError('r'); e.stack = 'RangeError: r'; e.extra = true;\nconsole.log(e);`);
C(`const e = new Error('x'); e.stack = 'Error: x'; \nconsole.log(e);`);
C(`const e = new Error(''); e.stack = 'Error';\nconsole.log(e);`);
C(`const e = new Error('x', { cause: 'why' }); e.stack = 'Error: x';\nconsole.log(e);`);
C(`const c = new Error('inner'); c.stack = 'Error: inner';\nconst e = new Error('outer', { cause: c }); e.stack = 'Error: outer';\nconsole.log(e);`);
C(`class HttpError extends Error { constructor(m) { super(m); this.status = 404; } }\nconst e = new HttpError('nf'); e.stack = 'Error: nf\\n    at x (y.js:1:1)';\nconsole.log(e);`);
C(`class ValidationError extends Error {}\nconst e = new ValidationError('v'); e.stack = 'Error: v';\nconsole.log(e);`);
C(`class ValidationError extends Error {}\nconst e = new ValidationError('v'); delete e.stack;\nconsole.log(e);`);
C(`const e = new Error('x'); e.name = 'Custom'; e.stack = 'Error: x';\nconsole.log(e);`);
C(`const e = new Error('m'); delete e.stack; e.name = 'MyError';\nconsole.log(e);`);
C(`const e = new Error('multi\\nline'); delete e.stack;\nconsole.log(e);`);
C(`const e = new Error('x'); e.stack = 'Error: x\\n    at a (f.js:1:1)';\nconsole.log({ nested: { e } });`);
C(`const e = Object.create(Error.prototype);\nconsole.log(e);`);
C(`const e = new AggregateError([new Error('a')], 'agg'); e.stack = 'AggregateError: agg'; e.errors[0].stack = 'Error: a';\nconsole.log(e);`);
C(`const e = new SuppressedError(new Error('inner'), 'earlier', 'both'); e.stack = 'SuppressedError: both'; e.error.stack = 'Error: inner';\nconsole.log(e); console.log([e]); console.dir(e, { showHidden: true });`);
E(`new DisposableStack(), new AsyncDisposableStack(), [new DisposableStack()]`);
C(`const s = new DisposableStack(); s.dispose(); console.dir(s, { showHidden: true }); console.dir(new AsyncDisposableStack(), { showHidden: true });`);

// ---- Date
E(`new Date(0)`); E(`new Date(1700000000123)`); E(`new Date(NaN)`); E(`[new Date(0)]`);
E(`{ when: new Date(Date.UTC(2024, 0, 15, 10, 30)) }`); E(`new Date(-1)`); E(`new Date(-62198755200000)`);
E(`new Date(8.64e15)`);
E(`Object.assign(new Date(0), { tag: 1 })`);

// ---- Promise
E(`Promise.resolve(42)`); E(`Promise.reject(3).catch(() => {}) && Promise.resolve()`);
C(`const p = Promise.reject(3); p.catch(() => {});\nconsole.log(p);`);
E(`new Promise(() => {})`); E(`Promise.resolve({ a: [1, 2] })`); E(`[Promise.resolve('x')]`);
E(`Promise.all([])`); E(`Promise.resolve(undefined)`);
C(`async function f() { return 'Hi'; }\nconsole.log(f());`);
C(`const p = Promise.resolve(1); p.extra = 2;\nconsole.log(p);`);

// ---- custom inspect
C(`const o = { [Symbol.for('nodejs.util.inspect.custom')]() { return 'CUSTOM'; } };\nconsole.log(o, [o], { o });`);
C(`const o = { [Symbol.for('nodejs.util.inspect.custom')]() { return { replaced: true }; } };\nconsole.log(o);`);
C(`const o = { [Symbol.for('nodejs.util.inspect.custom')](depth) { return 'd=' + depth; } };\nconsole.log({ a: { o } });`);
C(`const o = { [Symbol.for('nodejs.util.inspect.custom')]() { return 'line1\\nline2'; } };\nconsole.log({ a: o });`);

// ---- console.log format specifiers
E(`'%s', 'str'`); E(`'%s', 42`); E(`'%s', -0`); E(`'%s', null`); E(`'%s', undefined`); E(`'%s', Symbol('q')`);
E(`'%s', { a: { b: 1 } }`); E(`'%s', [1, [2, [3]]]`); E(`'%s', function foo() { return 1; }`);
E(`'%s', { toString() { return 'custom'; } }`); E(`'%s', new Date(0)`);
E(`'%s', new Error('boom').message`); E(`'%s', new Map([[1, 2]])`);
C(`class P { toString() { return 'P!'; } }\nconsole.log('%s', new P());`);
C(`class Q {}\nconsole.log('%s', new Q());`);
E(`'%d', 42`); E(`'%d', '42'`); E(`'%d', '0x10'`); E(`'%d', 'abc'`); E(`'%d', 3.9`); E(`'%d', -0`);
E(`'%d', {}`); E(`'%d', Symbol('x')`); E(`'%d', null`); E(`'%d', ''`);
E(`'%i', 42.5`); E(`'%i', '42.9abc'`); E(`'%i', -3.7`); E(`'%i', 'x'`); E(`'%i', Symbol('x')`); E(`'%i', '0x1F'`);
E(`'%f', '3.5abc'`); E(`'%f', 'abc'`); E(`'%f', 1e21`); E(`'%f', '  -2.5e3x'`); E(`'%f', Symbol('x')`); E(`'%f', '.5'`);
E(`'%j', { a: [1, 'x'] }`); E(`'%j', 'str'`); E(`'%j', undefined`);
C(`const c = {}; c.c = c;\nconsole.log('%j', c);`);
E(`'%o', { a: [1, 2] }`); E(`'%o', [1, 2]`); E(`'%o', 'str'`); E(`'%O', { a: { b: { c: { d: 1 } } } }`);
E(`'%o', { a: { b: { c: { d: { e: { f: 1 } } } } } }`);
E(`'%O', [1, 2]`);
E(`'%c styled', 'color: red'`); E(`'100%%'`); E(`'100%%', 1`); E(`'%s %s', 'only-one'`);
E(`'%x %s', 'a'`); E(`'%s', 'a', 'b', { c: 1 }`); E(`'a%', 1`); E(`'%', 1`); E(`'%s%s', 'a', 'b'`);
E(`'%s:%d:%i:%f:%j', 'a', 1, 2, 3, 4`); E(`'no specifiers', 1, 'two'`); E(`'%s'`); E(`'%%s', 1`);
E(`'%s', 'a\\nb'`); E(`1, '%s', 2`); E(`'%d%%', 50`);
E(`'%s', Object.create(null)`);
E(`'%s', [1, 2, 3]`);
E(`'%s', { a: 1, toString: undefined }`);

// ---- console methods
C(`console.group('G1');\nconsole.log('inside');\nconsole.group();\nconsole.log({ a: 1, b: 'x'.repeat(80) });\nconsole.groupEnd();\nconsole.log('back');\nconsole.groupEnd();\nconsole.groupEnd();\nconsole.log('out');`);
C(`console.groupCollapsed('C');\nconsole.info('info');\nconsole.debug('debug');\nconsole.groupEnd();`);
C(`console.count();\nconsole.count();\nconsole.count('x');\nconsole.countReset();\nconsole.count();\nconsole.count('x');`);
C(`console.dir('s');\nconsole.dir({ a: { b: { c: { d: 1 } } } });\nconsole.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });\nconsole.dir({ a: { b: { c: { d: { e: 1 } } } } }, { depth: null });`);
C(`console.dir([1, 2], { showHidden: true });`);
C(`console.table([{ a: 1, b: 'x' }, { a: 2, c: true }]);`);
C(`console.table([1, 'two', { three: 3 }]);`);
C(`console.table({ r1: { c: 1 }, r2: { c: 2 } });`);
C(`console.table([[1, 2], [3, 4, 5]]);`);
C(`console.table([{ a: 1, b: 2 }], ['a']);`);
C(`console.table('not tabular');\nconsole.table(5);`);
C(`console.table(new Map([['k', 1], ['j', { x: 1 }]]));`);
C(`console.table(new Set(['a', 'b']));`);
C(`console.table([{ name: 'Ünï', v: [1, 2, 3, 4] }, { name: 'x', v: { a: 1, b: 2, c: 3 } }]);`);
C(`console.table([]);`);
C(`console.assert(true, 'never');\nconsole.log('after');`);
C(`console.log({ nested: { deep: { deeper: { deepest: 1 } } } }, 'and', [[[[1]]]]);`);
C(`console.log('a\\nb', { x: 'c\\nd' });`);

// ---- more scripts (options via console.dir, %o, colors, errors, prototypes, promises)
[
  "console.log('%o', { a: [1, 2], f() {} })",
  "console.log('%o', [1, [2, [3, [4, [5, [6]]]]]])",
  "console.log('%o', function foo() {})",
  "class A { constructor(){ this.x=1 } get y() { return 2 } static z = 3 }; console.log('%o', new A())",
  "console.dir({ b: 1, a: 2, c: { z: 1, y: 2 } }, { sorted: true })",
  "console.dir({ a: [1, 2, 3], b: { c: 'x' } }, { compact: false })",
  "console.dir({ a: [1, 2, 3], b: { c: 'x' } }, { compact: true })",
  "console.dir({ a: 'x'.repeat(100), b: { c: 'x' } }, { compact: true })",
  "console.dir({ n: 1234567.891, m: -12345, k: 123 }, { numericSeparator: true })",
  "console.dir({ a: { b: { c: { d: { e: { f: 1 } } } } } }, { depth: Infinity })",
  "console.dir({ a: { b: { c: { d: { e: { f: 1 } } } } } }, { depth: null })",
  "console.dir({ a: 'x'.repeat(30), b: 'y'.repeat(30) }, { breakLength: 40 })",
  "console.dir({ a: 'x'.repeat(30), b: 'y'.repeat(30) }, { breakLength: Infinity })",
  "console.dir(Array.from({length: 200}, (_, i) => i), { maxArrayLength: 5 })",
  "console.dir('x'.repeat(50), { maxStringLength: 10 })",
  // A getter that throws a string: Node 24 prints a thrown Error with its own inspect internals' frames.
  "console.dir({ get a() { return { b: 1 } }, get n() { return null }, get s() { return 'str' }, set q(v) {}, get t() { throw 'boom' } }, { getters: true })",
  "console.dir({ a: 1, s: 'str', n: null, u: undefined, b: true, sym: Symbol('q'), arr: [1, 'x'], f() {} }, { colors: true })",
  "console.dir([new Error('e').message, -0, 12], { colors: true })",
  "console.dir(Object.create(null), { colors: true })",
  "console.dir([[1,2,3,4,5,6,7,8,9,10,11,12]], { colors: true })",
  "console.dir({ a: { b: { c: { d: 1 } } } }, { colors: true })",
  "console.dir([undefined, null], { colors: true })",
  "console.dir(Object.assign(Object.create(null), {x: 1}), { showHidden: true })",
  "console.dir([1,2,3], { showHidden: true })",
  "console.dir({ a: [1] }, { showHidden: true })",
  "console.dir(function foo() {}, { showHidden: true })",
  "console.dir(class Foo { static s = 1 }, { showHidden: true })",
  "console.log([function(){}, class {}, () => {}])",
  "console.log({ a: { b: [ { c: { d: 1 } } ] } })",
  "console.log(Object.assign(() => {}, { a: 1 }))",
  "const o = { a: 1 }; Object.defineProperty(o, 'h', { value: 2, enumerable: false }); console.dir(o, { showHidden: true })",
  "const e = new Error('x'); e.stack = 'Error: x\\n    at a (b.js:1:1)'; console.dir(e, { showHidden: true })",
  "const s = Symbol('s'); const o = { [s]: 1 }; Object.defineProperty(o, Symbol('h'), { value: 2 }); console.dir(o, { showHidden: true })",
  "console.log([[1, 2, [3, 4, [5, [6]]]]])",
  "console.log({ a: [[[[1]]]] })",
  "console.log([{ a: 1, b: { c: { d: 2 } } }])",
  "console.log(new Array(3).fill({ x: 'x'.repeat(20) }))",
  "console.log(Array.from({ length: 9 }, (_, i) => ({ i })))",
  "console.log(Array.from({ length: 7 }, (_, i) => 'x'.repeat(i * 3)))",
  "console.log(Array.from({ length: 20 }, (_, i) => i % 2 ? 'str' + i : i))",
  "console.log(Array.from({ length: 8 }, (_, i) => -i * 1000))",
  "console.log(Array.from({ length: 30 }, (_, i) => '\u00e9'.repeat(i % 5)))",
  "console.log(Array.from({ length: 30 }, (_, i) => '\u65e5'.repeat(i % 5)))",
  "console.log({ '\u00e9': 1, 'a-b': 2, a_b: 3, A1: 4, _: 5, $: 6 })",
  "console.log([ 'a\\nb' ], { 'k\\ney': 1 }, { [Symbol('a\\nb')]: 1 })",
  "console.log([ \"'\" ], [ '\"' ], [ '`' ], [ \"'\\\"\" ], [ \"'\\\"`\" ], [ \"'\\\"${\" ])",
  "console.log(['\\u0000\\u0001\\u001f\\u007f\\u0080\\u009f\\u00a0'])",
  "console.log(['\\ud83d\\ude00', '\\ud83d', '\\ude00', 'a\\ud83db'])",
  "console.log(-0, [-0], { z: -0 }, 0, +0)",
  "console.log([1e21, 1e-7, 123e-20, 2**64, -1.5e300, 5e-324])",
  "console.log('%s', -0, '%d', -0)",
  "console.log('%s|%s', 1.5, 'x', 'extra', 2)",
  "console.log('%i', 1e21, '%f', '1e3')",
  "console.log('%d %i %f', '', ' 12 ', '\\n3.5')",
  "console.log('%s', undefined, null)",
  "console.log('%O', 'str')",
  "console.log('%o', 42)",
  "console.log('a', 'b', 1, 'c')",
  "console.log(undefined, null)",
  "console.log()",
  "console.log('')",
  "console.log('%', '%%', 'x%')",
  "console.log('%s %s', 'a')",
  "console.log('%%%s%%', 'x')",
  "console.log('%s')",
  "console.log('%z', 1)",
  "console.log('%5d', 1)",
  "console.count(); console.count('default'); console.count(undefined); console.count(1); console.count(1)",
  "console.group('a', 'b'); console.log({ x: 1, y: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27] }); console.groupEnd(); console.log('z')",
  "console.group(); console.group(); console.log('deep\\nlines'); console.groupEnd(); console.log('one'); console.groupEnd(); console.groupEnd(); console.groupEnd(); console.log('zero')",
  "console.table([{ a: 1 }, 'x', { b: [1, 2, 3, 4, 5] }, { a: { deep: { x: 1 } } }, { a: { p: 1, q: 2, r: 3 } }])",
  "console.table([[1, 2], [3]])",
  "console.table({ a: 1, b: 'two' })",
  "console.table([{ name: '\u65e5\u672c', x: 1 }])",
  "console.table([1, 2, 3], ['x'])",
  "console.table([{ a: 1, b: 2 }, { a: 3 }], ['b'])",
  "console.table([{ 10: 'a', 2: 'b', x: 'c' }])",
  "console.table(new Map([[{ a: 1 }, [1, 2]]]).entries())",
  "console.table(new Map([['a', 1]]).keys())",
  "console.table([Symbol('s'), null, undefined, -0, function f() {}])",
  "console.dir('str'); console.dir(5); console.dir([1, 'a'])",
  "console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 })",
  "const o = { [Symbol.for('nodejs.util.inspect.custom')]() { return 'C' } }; console.dir(o)",
  "const o = { [Symbol.for('nodejs.util.inspect.custom')](d, opts, insp) { return insp({ depth: d, x: [1, 2] }) } }; console.log({ o })",
  "const o = { [Symbol.for('nodejs.util.inspect.custom')](d, opts) { return typeof opts.stylize + opts.depth + opts.breakLength } }; console.log(o)",
  "const o = { [Symbol.for('nodejs.util.inspect.custom')]() { return this } , a: 1}; console.log(o)",
  "class P { [Symbol.for('nodejs.util.inspect.custom')]() { return 'P!' } }; console.log(P.prototype, new P(), [new P()])",
  "console.log({ a: 1, [Symbol.for('nodejs.util.inspect.custom')]: 5 })",
  "console.log(Object.create(Array.prototype))",
  "console.log(Object.setPrototypeOf([1, 2], null))",
  "console.log(Object.setPrototypeOf({ a: 1 }, Array.prototype))",
  "console.log(Object.setPrototypeOf(function f() {}, Object.prototype))",
  "const a = [1, 2]; Object.defineProperty(a, Symbol.toStringTag, { value: 'Tg' }); console.log(a)",
  "class Foo { get [Symbol.toStringTag]() { return 'Foo' } }; console.log(new Foo(), [new Foo()])",
  "class Foo { static [Symbol.toStringTag] = 'X' }; console.log(Foo)",
  "function F() {}; F.prototype = Object.create(null); console.log(new F())",
  "function F() {}; F.prototype.constructor = undefined; console.log(new F())",
  "const o = Object.create({ constructor: { name: 'Fake' } }); console.log(o)",
  "class A {}; const o = new A(); Object.defineProperty(A, 'name', { value: '' }); console.log(o)",
  "class A {}; Object.defineProperty(A, 'name', { get() { return 'Dyn' } }); console.log(new A(), A)",
  "const x = Object.create(Object.create(Object.create(null))); x.a = 1; console.log(x)",
  "const x = Object.create(Object.create(Object.create(null))); console.log({x: {y: {z: x}}})",
  "console.log([Object.create(null), { __proto__: null, a: { __proto__: null } }])",
  "console.log({ __proto__: { x: 1 }, y: 2 })",
  "const o = {}; o['__proto__'] = 5; console.log(o)",
  "console.log(JSON.parse('{\"__proto__\": 1}'))",
  "console.log([,'a',,'b',,])",
  "console.log(Object.assign([], { 3: 'x', length: 10 }))",
  "const a = [1, 2, 3]; delete a[1]; console.log(a)",
  "const a = []; a[100] = 1; a[200] = 2; console.log(a)",
  "const a = Array.from({ length: 102 }); a[50] = undefined; delete a[60]; console.log(a)",
  "const a = []; a.length = 4294967295; console.log(a)",
  "console.log(Array(105).fill(0).map((_, i) => i % 2 ? i : undefined))",
  "console.log(Array(3), [undefined, , undefined])",
  "const e = new Error('x'); e.stack = 'Error: x\\n    at a (b.js:1:1)'; console.log({ a: { e } }, [[e]])",
  "const e = new Error('x'); e.stack = 'Error: x\\n    at a (b.js:1:1)'; e.extra = { deep: { deeper: 1 } }; console.log([e])",
  "const e = new TypeError('x'); e.stack = 'TypeError: x\\n    at a (b.js:1:1)'; e.name = 'Custom'; console.log(e)",
  "const e = new TypeError('x'); e.stack = 'Error: x\\n    at a (b.js:1:1)'; console.log(e)",
  "const e = new Error('x'); e.stack = 'Something else'; console.log(e)",
  "const e = new Error('x'); e.stack = ''; console.log(e)",
  "const e = new Error('x'); e.stack = undefined; console.log(e)",
  "const e = new Error('x'); e.stack = 5; console.log(e)",
  "const e = new Error('x'); Object.setPrototypeOf(e, null); e.stack = 'Error: x\\n    at q (w.js:1:1)'; console.log(e)",
  "const e = new Error('x'); Object.setPrototypeOf(e, null); e.stack = 'Foo: x'; console.log(e)",
  "const e = new Error('x'); Object.setPrototypeOf(e, null); e.stack = 'lower: x'; console.log(e)",
  "class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr' } }; const e = new MyErr('m'); e.stack = 'MyErr: m\\n    at z (z.js:1:1)'; console.log(e)",
  "class MyError extends Error {}; const e = new MyError('m'); e.stack = 'Error: m\\n    at z (z.js:1:1)'; console.log(e)",
  "class MyError extends TypeError {}; const e = new MyError('m'); e.stack = 'TypeError: m'; console.log(e)",
  "const e = new Error('msg'); e.stack = 'Error: msg'; e.name = 'Other'; console.log(e)",
  "const e = new Error('msg'); e.stack = 'Error: msg'; e.message = 'changed'; console.log(e)",
  "const e = new Error('msg'); e.stack = 'Error: msg'; Object.defineProperty(e, 'message', { value: 'msg', enumerable: true }); console.log(e)",
  "const e = new Error('boom', { cause: { code: 1 } }); e.stack = 'Error: boom\\n    at a (x.js:1:1)'; console.log(e)",
  "const c = new Error('c'); c.stack = 'Error: c\\n    at f1 (x.js:1:1)\\n    at f2 (x.js:2:1)\\n    at f3 (x.js:3:1)\\n    at f4 (x.js:4:1)\\n    at f5 (x.js:5:1)'; const e = new Error('e', { cause: c }); e.stack = 'Error: e\\n    at f0 (x.js:9:1)\\n    at f1 (x.js:1:1)\\n    at f2 (x.js:2:1)\\n    at f3 (x.js:3:1)\\n    at f4 (x.js:4:1)\\n    at f5 (x.js:5:1)'; console.log(e)",
  "const e = new Error('x'); delete e.stack; e.cause = undefined; console.log(e)",
  "const e = new Error('x'); delete e.stack; console.log({ e: [e] })",
  "const e = new Error(''); delete e.stack; console.log(e)",
  "const e = new RangeError(); delete e.stack; console.log(e)",
  "const e = new Error('x'); delete e.stack; e.name = ''; console.log(e)",
  "const e = new Error('x'); delete e.stack; e.name = undefined; console.log(e)",
  "const e = new Error('x'); delete e.stack; e.a = 1; e.b = 'two'; console.log(e)",
  "const e = new Error('x'); delete e.stack; e.stack2 = 'x'; console.log([e, e])",
  "const e = new Error('x'); delete e.stack; const o = { e }; e.self = o; console.log(o)",
  "const e = new Error('x'); delete e.stack; console.log('%s', e); console.log('%o', e)",
  "const e = new Error('x'); e.stack = 'Error: x\\n    at a (b.js:1:1)'; console.log('%s', e)",
  "console.log(new Boolean(true), new Number(NaN), new String(''), Object(Symbol()), new Number(-1.5))",
  "console.log([new String('ab')].concat([Object.assign(new String('cd'), { 5: 'x' })]))",
  "const s = new String('ab'); s.extra = 1; console.log(s, { s })",
  "const n = new Number(1); Object.setPrototypeOf(n, null); console.log(n)",
  "class N extends Boolean {}; console.log(new N(true))",
  "const b = new Boolean(false); b[Symbol.toStringTag] = 'T'; console.log(b)",
  "function f(a, b) { return arguments }; console.log(f(1, 2), [f()], { a: f('x') })",
  "function f() { 'use strict'; return arguments }; console.log(f(1))",
  "function f() { const a = arguments; a.extra = 1; return a }; console.log(f(1))",
  "console.log([function* () {}, async function* () {}, async () => {}])",
  "const g = (function* () { yield 1 })(); console.log(g, { g }); g.next(); console.log(g)",
  "const g = (function* () {})(); g.x = 1; console.log(g)",
  "console.log([][Symbol.iterator](), [].keys(), [1].entries(), 'x'[Symbol.iterator]())",
  "const it = [1, 2, 3][Symbol.iterator](); it.extra = 1; console.log(it)",
  "console.log(Object.getPrototypeOf([][Symbol.iterator]()))",
  "console.log(Object.getPrototypeOf(function* () {}))",
  "console.log(Object.getPrototypeOf(Object.getPrototypeOf((function* () {})())))",
  "console.log(Object.prototype, Array.prototype, Function.prototype)",
  "console.log(Error.prototype, TypeError.prototype)",
  "console.log(String.prototype, Number.prototype, Boolean.prototype, Symbol.prototype)",
  "console.log(Promise.prototype)",
  "console.log(Math, JSON, Reflect)",
  "console.log(Symbol, Symbol.prototype[Symbol.toStringTag], [Symbol.asyncIterator, Symbol.hasInstance])",
  "console.log(Reflect)",
  "console.log(Object.getOwnPropertyNames(globalThis).length > 10)",
  "console.log([Math.PI, Math.E, Number.MAX_SAFE_INTEGER, Number.EPSILON, Number.MIN_VALUE, Number.MAX_VALUE])",
  "console.log([0.000001, 0.0000001, 1e20, 1e21, 123456789012345680000])",
  "console.log(Promise.resolve(), Promise.reject(new Error('no')).catch(() => {}))",
  "const p = Promise.reject(1); p.catch(() => {}); console.log([p], { p })",
  "const p = new Promise(() => {}); console.log({ a: { b: { c: { p } } } })",
  "const p = Promise.resolve({ a: { b: { c: { d: 1 } } } }); console.log(p)",
  "const p = Promise.resolve('x'.repeat(80)); console.log(p)",
  "console.log(Promise.resolve(Promise.resolve(1)))",
  "console.log(new Promise(r => r(Promise.resolve(1))))",
  "(async () => { const p = Promise.resolve(1); await p; console.log(p) })()",
  "console.log(Promise.all([Promise.resolve(1)]), Promise.race([]))",
  "class MyP extends Promise {}; console.log(MyP.resolve(1))",
  "const p = Promise.resolve(1); Object.setPrototypeOf(p, null); console.log(p)",
  "console.log([async function () {}], async () => 1)",
  "console.log((async () => { throw 1 })().catch(() => 2))",
  "console.assert(false); console.assert(false, 'msg %s', 'x', 5); console.assert(0, { a: 1 }); console.assert(true, 'no')",
  "console.error('err', { a: 1 }); console.warn('%d%%', 5); console.info('i'); console.debug('d')",
  "console.group('G'); console.error('in\\nerr'); console.warn({ a: 'x'.repeat(80) }); console.groupEnd()",
  "console.group(); console.table([{ a: 1 }]); console.groupEnd()",
  "console.dir({ a: 1 }, null); console.dir({ a: 1 }, 5); console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 1, colors: false })",
  "console.log('%s', { toString: null }); ",
  "console.log('%s', Object.assign(Object.create(null), { [Symbol.toPrimitive]() { return 'prim' } }))",
  "console.log('%s', { [Symbol.toPrimitive]() { return 'prim' } })",
  "class A { [Symbol.toPrimitive]() { return 'fromA' } }; console.log('%s', new A())",
  "class B extends Array {}; console.log('%s', B.from([1, 2]))",
  "class C extends Error {}; const c = new C('m'); c.stack = 'C: m'; console.log('%s', c)",
  "console.log('%s', [1, 'two', [3, [4]]], { a: [1, { b: 2 }] })",
  "console.log('%s', new Number(5), new String('str'))",
  "console.log('%s %s', () => 1, class Q {})",
  "console.log('%d', new Number(7), '%i', 8)",
  "console.log('%o', { f: function named() {} })",
  "console.log('%o', [{ a: 1 }])",
  "console.log('%j %j', [undefined, () => {}], { toJSON() { return 'tj' } })",
].forEach((c) => C(c));

// ---- BigInt
['1n', '-1n', '0n', '2n ** 64n', '-(10n ** 30n)', 'Object(1n)', 'Object(-5n)'].forEach((e) => { E(e); E(`[${e}]`); });
E(`{ a: 1n, b: [2n, -3n], c: { d: 2n ** 100n } }`);
E(`new Map([[1n, 2n]])`); E(`new Set([1n, 1n, 2n])`);
E(`Array.from({ length: 30 }, (_, i) => BigInt(i) ** 5n)`);
E(`Array.from({ length: 8 }, (_, i) => BigInt(i) * 1000n)`);
E(`{ 1n: 'x', [2n]: 'y' }`);
E(`'%d', 12n`); E(`'%i', -34n`); E(`'%s', 56n`); E(`'%d', Object(7n)`); E(`'%f', 8n`);
E(`'%s %d', 1n, 2n, 3n`); E(`1n, 'a', 2n`);
C(`const b = Object(3n); b.extra = 1; console.log(b);`);
C(`class Big extends Object {}; const o = Object(1n); Object.setPrototypeOf(o, null); console.log(o);`);
[
  "console.dir({ big: 1234567890123n, neg: -1234567n, small: 123n }, { numericSeparator: true })",
  "console.dir([1n, -2n, Object(3n)], { colors: true })",
  "console.log('%d %i', 1234567n, 7654321n)",
].forEach((c) => C(c));

// ---- binary data: typed arrays, ArrayBuffer, SharedArrayBuffer, DataView, Atomics
C('console.log(Atomics)');
[
  'new Uint8Array([1, 2, 3])', 'new Uint8Array(0)', 'new Int8Array([-1, 127, -128])',
  'new Uint8ClampedArray([300, -5, 1.5, 2.5])', 'new Int16Array([1, -1])', 'new Uint16Array(3)',
  'new Int32Array([2 ** 31 - 1, -(2 ** 31)])', 'new Uint32Array([2 ** 32 - 1])',
  'new Float32Array([1.1, -0, NaN])', 'new Float64Array([0.1, Infinity, -Infinity, -0])',
  'new Float16Array([1.5, 65504, 1e-8, 0.1, 65520])', 'new BigInt64Array([1n, -2n])',
  'new BigUint64Array([2n ** 64n - 1n])', 'new BigInt64Array(0)', 'new Float16Array(0)',
  'new Uint8Array(7)', 'new Uint8Array(27)', 'new Uint8Array(100)', 'new Uint8Array(101)',
  'new Uint8Array(150)', 'new Float64Array(30).map((_, i) => i / 3)',
  'new Int32Array(40).map((_, i) => (i % 2 ? -1 : 1) * i ** 3)',
  'new BigInt64Array(12).map((_, i) => BigInt(i) ** 9n)',
  'Array.from({ length: 8 }, (_, i) => new Uint8Array(i % 3))',
  'new ArrayBuffer(0)', 'new ArrayBuffer(4)', 'new ArrayBuffer(101)', 'new ArrayBuffer(150)',
  'new Uint8Array([1, 2, 255]).buffer', 'new Uint16Array([0x1234]).buffer',
  'new SharedArrayBuffer(3)', 'new ArrayBuffer(8, { maxByteLength: 16 })',
  'new SharedArrayBuffer(2, { maxByteLength: 4 })',
  'new DataView(new ArrayBuffer(4), 1)', 'new DataView(new ArrayBuffer(2))',
  'new DataView(new SharedArrayBuffer(2), 0, 1)',
  '{ bytes: new Uint8Array([1, 2]), buf: new ArrayBuffer(2) }',
  '[new Int16Array(2), new DataView(new ArrayBuffer(1))]',
  '{ a: { b: { c: new Uint8Array(2), d: new ArrayBuffer(1) } } }',
  'Object.setPrototypeOf(new Uint8Array(2), null)', 'Object.setPrototypeOf(new ArrayBuffer(2), null)',
  'Object.setPrototypeOf(new BigUint64Array(0), null)', 'Object.create(Uint8Array.prototype)',
  'Uint8Array.prototype', 'ArrayBuffer.prototype', 'DataView.prototype',
  'Object.getPrototypeOf(Uint8Array)', 'Uint8Array', 'new Uint8Array(3).entries()',
  "'%o', new Uint8Array(2)", "'%O', new ArrayBuffer(2)", "'%s', new Uint8Array([1, 2])",
  "'%d', new Uint8Array([7])", "'%j', new Uint8Array([1, 2])",
].forEach((e) => E(e));
[
  'const b = new ArrayBuffer(3); b.transfer(); console.log(b);',
  'const t = new Uint8Array(4); t.buffer.transfer(); console.log(t, [t]);',
  'const d = new DataView(new ArrayBuffer(4)); d.buffer.transfer(); console.log(d);',
  'const d = new DataView(new ArrayBuffer(4)); d.buffer.transfer(); console.log({ d, after: 1 });',
  'const r = new ArrayBuffer(4, { maxByteLength: 8 }); const t = new Uint8Array(r); r.resize(6); console.log(t, r);',
  'const r = new ArrayBuffer(8, { maxByteLength: 8 }); const t = new Uint16Array(r, 4, 2); r.resize(4); console.log(t, t.length);',
  'const u = new Uint8Array([1, 2]); u.foo = "bar"; u[Symbol("s")] = 1; console.log(u);',
  'const u = new Uint8Array(2); u.self = u; console.log(u);',
  'class Bytes extends Uint8Array {} console.log(new Bytes([1, 2]), new Bytes(0));',
  'class Buf extends ArrayBuffer {} console.log(new Buf(2));',
  'console.dir(new Uint8Array([1, 2]), { showHidden: true })',
  'console.dir(new ArrayBuffer(2), { showHidden: true })',
  'console.dir(new DataView(new ArrayBuffer(2)), { showHidden: true })',
  'console.dir(new Uint8Array(10), { maxArrayLength: 2 })',
  'console.dir(new ArrayBuffer(10), { maxArrayLength: 3 })',
  'console.dir(new ArrayBuffer(10), { maxArrayLength: 0 })',
  'console.dir(new Float64Array([1234567.891, -0]), { numericSeparator: true })',
  'console.dir({ x: new Uint8Array(2) }, { depth: 0 })',
  'console.log(Object.setPrototypeOf(new Uint8Array(150), null))',
  "console.dir(new Uint8Array([1, 2, 3]), { colors: true })",
  "console.dir(new ArrayBuffer(2), { colors: true })",
  'const s = new Int8Array(new ArrayBuffer(8), 2, 3); s.set([-1, 2, -3]); console.log(s, s.buffer);',
  'console.log(new Uint8Array(new ArrayBuffer(6), 2).subarray(1));',
  'console.log(JSON.stringify(new Uint8Array([1, 2])), [...new Int8Array([-1, 1])], Array.from(new Uint16Array(2)));',
].forEach((c) => C(c));

// ---- Buffer, TextEncoder/TextDecoder, crypto (issue 14)
[
  'Buffer.from("hi")', 'Buffer.alloc(0)', 'Buffer.alloc(50)', 'Buffer.alloc(51)', 'Buffer.alloc(1000, 7)',
  '[Buffer.from("abc"), Buffer.from([1, 2, 3])]', '{ buf: Buffer.from("héllo") }',
  '{ a: { b: { c: { d: Buffer.from("x") } } } }',
  '(() => { const b = Buffer.from("hey"); b.foo = 1; b.bar = "x"; return b; })()',
  '(() => { const b = Buffer.alloc(0); b.x = [1, 2]; return b; })()',
  '(() => { const b = Buffer.from("ab"); b[Symbol("s")] = 1; return b; })()',
  'Buffer.from("hello").subarray(1, 3)', 'Buffer.from("hi").toJSON()', 'Buffer.concat([Buffer.from("a"), Buffer.from("b")])',
  'Buffer', 'Buffer.prototype.constructor === Buffer',
  'Buffer.from("hi") instanceof Uint8Array', 'new Uint8Array(Buffer.from("hi"))',
  'structuredClone(Buffer.from("hi"))',
  'new TextEncoder()', 'new TextDecoder()', 'new TextDecoder("latin1", { fatal: true, ignoreBOM: true })',
  '[new TextDecoder("utf-16le")]', '{ enc: new TextEncoder() }', 'new TextEncoder().encode("h€")',
  'TextEncoder.prototype', 'TextDecoder.prototype',
].forEach((e) => E(e));
C('console.dir(Buffer.from("hello"), { showHidden: true });');
C('console.dir(new TextDecoder(), { showHidden: true });');
C('const b = Buffer.from("ab"); b.x = 1; console.dir(b, { showHidden: true });');
C('class MyBuf extends Buffer {} console.log(Buffer.from("ab"), Object.setPrototypeOf(Buffer.from("ab"), MyBuf.prototype));');

// ---- web globals: DOMException, Event/EventTarget, AbortController, URL, WeakRef, navigator
// (stacks set explicitly and timeStamps masked so output does not depend on paths or time)
[
  "const e = new DOMException('boom', 'AbortError'); e.stack = 'AbortError: boom\\n    at x (a.js:1:1)'; console.log(e); console.log([e]); console.log({ e });",
  "const e = new DOMException('m'); delete e.stack; console.log(e, [e]);",
  "const e = new DOMException('x', { name: 'DataCloneError', cause: 1 }); e.stack = 'DataCloneError: x'; console.log(e);",
  "const e = new DOMException(); e.stack = 'Error'; console.log(e);",
  "const e = new DOMException('t', 'TimeoutError'); console.log(e.name, e.message, e.code, e instanceof Error, Object.prototype.toString.call(e), String(e));",
  "console.log(DOMException.ABORT_ERR, DOMException.DATA_CLONE_ERR, new DOMException('', 'SyntaxError').code, new DOMException('', 'Nope').code, Object.keys(new DOMException('x')));",
  "try { structuredClone(() => {}); } catch (e) { e.stack = e.stack.split('\\n')[0]; console.log(e); console.log(e.name, e.code, e.message, e instanceof DOMException); }",
  "try { structuredClone(Symbol('s')); } catch (e) { console.log(e.name, e.message); }",
  "try { structuredClone({ f() {} }); } catch (e) { console.log(e.name, e.message); }",
  "const c = structuredClone(new DOMException('cl', 'AbortError')); console.log(c instanceof DOMException, c.name, c.message, c.code);",
  "const e = new DOMException('boom', 'AbortError'); e.stack = 'AbortError: boom'; console.dir(e, { showHidden: true });",
  "console.log(new EventTarget(), [new EventTarget()], { t: new EventTarget() });",
  "class Emitter extends EventTarget {} console.log(new Emitter());",
  "const u = require('util'); console.log(u.inspect(new Event('go', { cancelable: true })).replace(/timeStamp: [\\d.e-]+/, 'timeStamp: T'));",
  "const u = require('util'); console.log(u.inspect({ ev: new CustomEvent('c', { detail: { a: 1 } }) }).replace(/timeStamp: [\\d.e-]+/, 'timeStamp: T'));",
  "const u = require('util'); console.log(u.inspect({ a: { b: { c: new Event('deep') } } }), u.inspect(new Event('x'), { depth: -1 }));",
  "const ac = new AbortController(); console.log(ac, ac.signal); ac.abort(); console.log(ac, [ac.signal]);",
  "console.log(AbortSignal.abort('why'), AbortSignal.abort().reason.name, { s: AbortSignal.abort() });",
  "const ac = new AbortController(); console.log({ a: { b: { c: ac } } }, { a: { b: ac } });",
  "const ac = new AbortController(); ac.abort(); ac.signal.reason.stack = 'AbortError: This operation was aborted'; console.log(ac.signal.reason);",
  "console.log(Object.prototype.toString.call(new AbortController()), String(new AbortController().signal), String(new Event('x')), String(new EventTarget()));",
  "console.log(new URL('https://user:pw@example.com:8080/a/b?x=1&y=2#frag'));",
  "console.log([new URL('http://a.com')], { u: new URL('file:///tmp/x') });",
  "console.log({ a: { b: { c: new URL('http://a.com/') } } });",
  "console.dir(new URL('http://a.com/p?q=1#h'));",
  "const u = require('util'); console.log(u.inspect(new URL('http://a.com/?x=1'), { depth: 0 }));",
  "const u = require('util'); console.log(u.inspect({ u: new URL('http://a.com/') }, { depth: 0 }));",
  "console.log(new URLSearchParams('a=1&b=2&a=3'), new URLSearchParams(''), new URLSearchParams({ k: 'v w' }));",
  "console.log(new URLSearchParams({ long1: 'x'.repeat(30), long2: 'y'.repeat(30), k: 'v' }));",
  "const p = new URLSearchParams('a=1&b=2'); console.log(p.keys(), p.values(), p.entries(), p[Symbol.iterator]());",
  "const p = new URLSearchParams('a=1&b=2'); const it = p.entries(); it.next(); console.log(it, [p.keys()]);",
  "console.log({ a: { b: { c: new URLSearchParams('a=1') } } }, { a: { b: { c: new URLSearchParams('a=1').keys() } } });",
  "console.log(new URLSearchParams([['a', '1']]).toString(), String(new URL('http://a.com/x')), JSON.stringify({ u: new URL('http://a.com') }));",
  "try { new URL('nope'); } catch (e) { e.stack = 'TypeError: Invalid URL'; console.log(e); }",
  "try { new URL('/x', 'bad'); } catch (e) { e.stack = 'TypeError: Invalid URL'; console.log(e); }",
  "console.dir(new URL('http://a.com'), { colors: true })",
  "console.log(new WeakRef({ a: 1 }), [new WeakRef(Symbol('s'))], new FinalizationRegistry(() => {}));",
  "const w = new WeakRef({}); w.foo = 1; console.log(w, Object.prototype.toString.call(w));",
  "console.log(navigator, navigator.userAgent, navigator.language, navigator.languages);",
  "console.log(Object.getOwnPropertyDescriptor(globalThis, 'navigator').enumerable, typeof navigator.hardwareConcurrency);",
  "const p = new URLPattern({ pathname: '/books/:id' }); console.log(p, p.exec('https://example.com/books/123?x=1'));",
  "console.log(new URLPattern('https://:sub.example.com/*').exec({ hostname: 'api.example.com', pathname: '/x' }, undefined));",
].forEach((c) => C(c));

// ---- colors: every fifth case again with colors on (console colors when FORCE_COLOR=1
// or a color terminal); `colors: true` tells the Rust test to turn console colors on.
cases.filter((c, i) => i % 5 === 0 && !c.skip).forEach((c) => cases.push({ ...c, colors: true }));

const { execFile } = require('child_process');
function run(c) {
  const script = c.code !== undefined ? c.code : `console.log(${c.expr});`;
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  delete env.NODE_DISABLE_COLORS;
  if (c.colors) env.FORCE_COLOR = '1';
  return new Promise((resolve) => {
    execFile(process.execPath, ['-e', script], { encoding: 'utf8', env }, (err, stdout) => {
      resolve({ ...c, out: stdout });
    });
  });
}
(async () => {
  const results = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      results[i] = await run(cases[i]);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  console.log(JSON.stringify(results, null, 1));
})();
