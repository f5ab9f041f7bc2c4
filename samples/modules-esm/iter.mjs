import { mean } from './stats.mjs';
console.log('iter.mjs: evaluating (stats.mjs already ran:', typeof mean === 'function', ')');

export let counter = 0;
export function bump() {
  counter++;
}

export function* take(iterable, n) {
  if (n <= 0) return;
  for (const x of iterable) {
    yield x;
    if (--n === 0) return;
  }
}

export function sumOf(iterable) {
  let s = 0;
  for (const x of iterable) s += x;
  return s;
}
