// V8's messages for an unexpected `await`/`enum` and for a template substitution that is
// not closed by `}` right after its expression.
const sources = [
  'for await (const x of y) {}',
  'function f() { for await (const x of y) {} }',
  'x = 1 await;',
  'enum = 1',
  '`abc ${1',
  '`abc ${1 + ',
  '`${a b}`',
  '`x ${a}${b c}`',
  '`${`${a b}`}`',
  '`${{a:1}`',
  '`${a}` b',
];
for (const src of sources) {
  try {
    eval(src);
  } catch (e) {
    console.log(JSON.stringify(src), '->', e.name + ':', e.message);
  }
}
