// Syntax errors of common mistakes as V8 words them: a declaration's destructuring pattern
// with something that is no binding target, `new` on an optional chain, a tagged template
// on an optional chain (the pattern is parsed as an expression first, so the message names
// the element, not the token).
const sources = [
  'var [a, 1] = b',
  'let {a: 1} = b',
  'const [a.b] = c',
  'function f([1]) {}',
  'let [a + 1] = b',
  'var {a: b.c} = d',
  'let [...1] = a',
  'let [a = 1, 2] = b',
  'for (let [1] of a);',
  '(function ([a.b]) {})',
  'try {} catch ([1]) {}',
  'let {1} = a',
  'let [f()] = b',
  'let [{a: 2}] = b',
  'let {...{a}} = b',
  'var [null] = b',
  'let [x] = 1, [y, 2] = 3',
  'let x = [a 1]',
  'new X?.()',
  'new a.b?.c()',
  'new a?.b',
  'a?.`x`',
  'new (a?.b)()',
  'new a()?.b',
];
for (const src of sources) {
  try {
    new Function(src);
    console.log('ok:', src);
  } catch (e) {
    console.log(`${src} -> ${e.name}: ${e.message}`);
  }
}
