// assert.partialDeepStrictEqual (Node 24): `expected` may leave out keys, array elements
// (the rest must appear in order), Set members, Map entries and bytes; what it does give
// must be strictly equal. Failures print the partial diff.
const assert = require('node:assert');
const pass = [
  [{ a: 1, b: 2, c: { d: 3, e: 4 } }, { a: 1, c: { e: 4 } }],
  [[1, 2, 3, 4, 5], [2, 4]],
  [[1, [2, 3], 4], [[3]]],
  [new Set([1, 2, { x: 1 }]), new Set([{ x: 1 }, 2])],
  [new Map([['a', 1], ['b', { c: 2, d: 3 }]]), new Map([['b', { d: 3 }]])],
  [new Uint8Array([1, 2, 3, 4]), new Uint8Array([2, 4])],
  [new Error('boom', { cause: 'why' }), new Error('boom')],
  [{ when: new Date(0), re: /x/g, [Symbol.for('s')]: 1 }, { when: new Date(0), [Symbol.for('s')]: 1 }],
  [Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true } }), { own: 2 }],
  [NaN, NaN],
];
for (const [actual, expected] of pass) {
  assert.partialDeepStrictEqual(actual, expected);
}
console.log('passed', pass.length);
const fail = [
  [{ a: 1 }, { a: 2 }],
  [{ a: 1 }, { b: undefined }],
  [[1, 2, 3], [3, 1]],
  [[1, 2], [1, 2, 3]],
  [new Set([1]), new Set([1, 2])],
  [new Map([[1, 'a']]), new Map([[1, 'b']])],
  [0, -0],
  ['1', 1],
  [{ nested: { list: [1, 2] } }, { nested: { list: [2, 2] } }],
];
for (const [actual, expected] of fail) {
  try {
    assert.partialDeepStrictEqual(actual, expected);
    console.log('unexpected pass');
  } catch (e) {
    console.log(e.name, e.code, e.operator, e.generatedMessage);
    console.log(e.message);
  }
}
try {
  assert.partialDeepStrictEqual({ a: 1 }, { a: 2 }, 'custom message');
} catch (e) {
  console.log(e.message, e.generatedMessage);
}
try {
  assert.partialDeepStrictEqual({ a: 1 });
} catch (e) {
  console.log(e.name, e.code, e.message);
}
console.log(typeof assert.strict.partialDeepStrictEqual);
