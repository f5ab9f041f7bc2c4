// How TypeError messages name a bad value: a callback a built-in cannot call shows its
// type (`string "x"`), other messages show the value as V8's NoSideEffectsToString does.
function show(label, f) {
  try {
    f();
    console.log(label, 'no error');
  } catch (e) {
    console.log(`${label} -> ${e.constructor.name}: ${e.message}`);
  }
}

const values = ['text', 42, null, true, { a: 1 }, [1, 2], /re/g, new Date(0), new Error('oops'), Symbol('s'), 7n];

for (const v of values) {
  console.log(`--- ${typeof v} ${String(v && v.constructor && v.constructor.name)}`);
  // Callbacks called by built-ins.
  show('map', () => [1, 2].map(v));
  show('forEach', () => [1].forEach(v));
  show('Array.from', () => Array.from([1], v));
  show('Set forEach', () => new Set([1]).forEach(v));
  show('flatMap', () => [1].flatMap(v));
  show('typed map', () => new Uint8Array(2).map(v));
  show('typed filter', () => new Uint8Array(2).filter(v));
  show('Symbol.replace', () => 'abc'.replace({ [Symbol.replace]: v }, 'x'));
  show('Symbol.toPrimitive', () => `${{ [Symbol.toPrimitive]: v }}`);
  // Values in other messages.
  show('extends', () => { class A extends v {} });
  show('Reflect.construct', () => Reflect.construct(v, []));
  show('then receiver', () => Promise.prototype.then.call(v));
  show('Promise resolver', () => new Promise(v));
  show('in', () => 'key' in v);
  show('adopt', () => new DisposableStack().adopt(1, v));
}

console.log('--- iterator results and deletes');
const badNext = (r) => ({ [Symbol.iterator]() { return { next: () => r }; } });
show('for-of result', () => { for (const x of badNext('str')); });
show('spread result', () => [...badNext(5)]);
show('delete array index', () => { 'use strict'; delete Object.freeze([1])[0]; });
show('delete string index', () => { 'use strict'; delete 'abc'[0]; });
show('delete function prototype', () => { 'use strict'; function f(a) { return a; } delete f.prototype; });
show('delete class prototype', () => { 'use strict'; class K { m() {} } delete K.prototype; });
show('delete array length', () => { 'use strict'; delete [].length; });
show('proxy trap', () => new Proxy({}, { get: [1] }).x);

console.log('--- Promise statics on a non-object');
for (const m of ['all', 'allSettled', 'any', 'race', 'reject', 'withResolvers', 'resolve', 'try']) {
  show(m, () => Promise[m].call(5, []));
}
show('all on a non-constructor', () => Promise.all.call({}, []));
show('finally', () => Promise.prototype.finally.call(1));
