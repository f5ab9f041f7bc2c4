// The Function constructor checks that its parameters and body stand alone: brackets in
// regular expression literals and template substitutions are not brackets (libraries that
// compile code with `new Function`, or wrap a whole module's text in one).
const f = new Function('s', "return s.replace(/[}{]/g, '').replace(/\\}+$/, '') + `${'}'}` + /]/.source;");
console.log(f('{a}}'));
const g = new Function('a = /[)]/', 'b = { x: [1, `${1 + 1}`] }', 'return [a.source, b.x[1]];');
console.log(g());
const AsyncFunction = (async () => {}).constructor;
const h = new AsyncFunction('x', 'return await /}/.test(x);');
h('}').then((v) => console.log('async', v));
const GeneratorFunction = function* () {}.constructor;
console.log([...new GeneratorFunction('yield* "ab"; yield /[}]/.source;')()]);
console.log(new Function('// a comment with }\nreturn "/* }"')());
// Parts that escape their place are still errors.
for (const args of [
  ['}); console.log("escaped"); (function () {'],
  ['a /*', '*/ ) { return 1'],
  ['a', "return '"],
  ['return 1; }'],
  [')', 'return 1'],
]) {
  try {
    new Function(...args);
    console.log('no error', args);
  } catch (e) {
    console.log(e.name);
  }
}
