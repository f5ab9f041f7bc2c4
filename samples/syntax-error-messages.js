// SyntaxError messages for a function declaration without a name and for templates that
// run to the end of the input.
const sources = [
  'function () {}',
  'function* () {}',
  'async function () {}',
  'if (true) function () {}',
  'function\n() {}',
  'const f = function () {};',
  '(function () {})',
  '`${a`',
  '`abc ${1}',
  '`abc',
  'x = `a${b}c',
  '`a${`b',
];
for (const src of sources) {
  try {
    eval(src);
    console.log(JSON.stringify(src), 'parsed');
  } catch (e) {
    console.log(JSON.stringify(src), `${e.name}: ${e.message}`);
  }
}
