// structuredClone, atob/btoa, node:assert messages (simple cases), node:util helpers.
for (const v of [() => {}, function f(a) { return a }, Symbol("s"), Promise.resolve(), new WeakMap()]) { try { structuredClone(v) } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message), e instanceof Error, Object.prototype.toString.call(e)) } }
try { structuredClone({a: () => 1}) } catch (e) { console.log(e.message) }
class A { constructor() { this.x = 1 } get y() { return 2 } } console.log(structuredClone(new A()));
const err = structuredClone(Object.assign(new RangeError("m"), {extra: 1})); console.log(err instanceof RangeError, err.message, err.extra);
const o = {d: new Date(0), r: /x/gi, m: new Map([[1, {a: 1}]]), s: new Set([1]), arr: [1,,3], n: new Number(3)}; o.self = o; const c = structuredClone(o); console.log(c, c.self === c, c !== o, c.d !== o.d);
console.log(btoa("hello"), atob("aGVsbG8="), atob(" aGVs bG8 "));
try { btoa("\u0100") } catch (e) { console.log(e.name, e.message, e.code) }
try { atob("a") } catch (e) { console.log(e.name, e.message, e.code) }
console.log(structuredClone(null), structuredClone(1n), structuredClone([1, 'a', { b: [true] }]));
try { structuredClone() } catch(e) { console.log(e.message, e.code) }
const assert = require('assert');
function t(f) { try { f(); console.log('no throw'); } catch (e) { console.log(JSON.stringify(e.message), e.code, e.name, e.generatedMessage, e.operator); } }
t(() => assert(false));
t(() => assert.ok(0 > 1, 'custom msg'));
t(() => assert.strictEqual(1, 2));
t(() => assert.strictEqual('a', 'b'));
t(() => assert.equal(1, 2));
t(() => assert.notStrictEqual(1, 1));
t(() => assert.deepStrictEqual({a:1},{a:2}));
t(() => assert.deepStrictEqual([1,2,3],[1,2,4]));
t(() => assert.deepStrictEqual({a:1},{a:1}));
t(() => assert.throws(() => {}));
t(() => assert.throws(() => { throw new TypeError('x') }, TypeError));
t(() => assert.throws(() => { throw new TypeError('x') }, /y/));
t(() => assert.throws(() => { throw new TypeError('x') }, { message: 'x' }));
t(() => assert.strictEqual(1, 2, 'mine'));
t(() => assert.deepEqual({a:1},{a:'1'}));
t(() => assert.fail('boom'));
t(() => assert.notDeepStrictEqual({a:1},{a:1}));
t(() => assert.strictEqual({a:1}, {a:1}));
assert.rejects(Promise.resolve(1)).catch(e => console.log('rej', JSON.stringify(e.message)));
assert.rejects(Promise.reject(new Error('z')), /z/).then(() => console.log('rejects ok'));
const util = require("node:util");
console.log(util.format('%s is %d years and %o', 'Bob', 42, [1]), util.format('a', {b: 1}, 3));
console.log(util.inspect({ a: { b: { c: { d: 1 } } } }, { depth: 0 }), util.inspect('x'), util.inspect({ a: [1, 2] }, { compact: false }));
console.log(typeof util.inspect.custom, util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'));
class P { [util.inspect.custom]() { return 'P<custom>'; } }
console.log(new P(), util.inspect(new P()));
console.log(util.types.isPromise(Promise.resolve()), util.types.isPromise({ then() {} }));
function* g() {} async function af() {} async function* ag() {}
console.log(util.types.isGeneratorObject(g()), util.types.isGeneratorObject(ag()), util.types.isGeneratorFunction(g), util.types.isGeneratorFunction(ag), util.types.isAsyncFunction(af), util.types.isAsyncFunction(ag), util.types.isAsyncFunction(() => {}));
console.log(util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), util.isDeepStrictEqual([1], ['1']), util.isDeepStrictEqual(new Map([[1, {x: 1}]]), new Map([[1, {x: 1}]])), util.isDeepStrictEqual(new Set([1, 2]), new Set([2, 1])), util.isDeepStrictEqual(-0, 0), util.isDeepStrictEqual(NaN, NaN));
function legacy(a, b, cb) { setTimeout(() => (a < 0 ? cb(new Error('negative')) : cb(null, a + b)), 10); }
const p = util.promisify(legacy);
p(1, 2).then((v) => console.log('promisified', v));
p(-1, 2).catch((e) => console.log('promisified error', e.message));
const cbf = util.callbackify(async (x) => { if (x) return x * 2; throw null; });
cbf(21, (err, v) => console.log('callbackified', err, v));
cbf(0, (err) => console.log('callbackified error', err.message, err.code, err.reason));
console.log(p.name, util.promisify(setTimeout) === require('timers/promises').setTimeout);
function Animal(n) { this.n = n; } Animal.prototype.speak = function () { return this.n; };
function Dog(n) { Animal.call(this, n); } util.inherits(Dog, Animal);
console.log(new Dog('rex').speak(), Dog.super_ === Animal);
