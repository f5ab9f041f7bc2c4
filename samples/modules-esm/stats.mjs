// stats.mjs imports iter.mjs, which imports stats.mjs: a cycle. stats.mjs runs first; the
// hoisted functions of iter.mjs are already usable, its `let` bindings are not.
import { sumOf, counter } from './iter.mjs';
console.log('stats.mjs: evaluating, sumOf is', typeof sumOf);
try {
  console.log(counter);
} catch (e) {
  console.log('stats.mjs:', e.name + ':', e.message);
}
export const mean = (xs) => sumOf(xs) / xs.length;
