// util.diff: the Myers diff of two strings (by character) or two arrays of strings, as
// [operation, value] pairs: 0 in both, 1 only in `actual`, -1 only in `expected`.
const { diff } = require('util');
console.log(diff('abc', 'abd'));
console.log(diff('kitten', 'sitting'));
console.log(diff(['a', 'b', 'c'], ['a', 'c', 'd']));
console.log(diff('same', 'same'), diff('', 'xy'), diff('xy', ''));
// Two distinct empty arrays: Node 24's myersDiff returns nothing and diff throws.
try {
  console.log(diff([], []));
} catch (e) {
  console.log(e.name, e.message);
}
const a = ['line 1', 'line 2', 'line 3', 'line 4'];
const b = ['line 1', 'line two', 'line 3', 'line 4', 'line 5'];
for (const [op, v] of diff(a, b)) console.log(op === 0 ? ' ' : op === 1 ? '-' : '+', v);
console.log(diff('😀a', '😀b'));
for (const [x, y] of [[1, 'a'], ['a', null], [['a', 1], ['a']], [['a'], [undefined]], [{}, 'x']]) {
  try {
    diff(x, y);
    console.log('no error');
  } catch (e) {
    console.log(e.code, e.message);
  }
}
const arr = ['x'];
console.log(diff(arr, arr), diff(1, 1));
