// util.parseArgs and util.styleText, as a command-line tool built on them would use them.
const { parseArgs, styleText } = require('util');
const r = parseArgs({ args: ['-f', '--bar', 'b', 'pos', '-abc'], options: { foo: { type: 'boolean', short: 'f' }, bar: { type: 'string' }, a: { type: 'boolean' }, b: { type: 'boolean' }, c: { type: 'boolean' }, n: { type: 'string', default: 'x' }, m: { type: 'string', multiple: true, default: ['1'] } }, allowPositionals: true, tokens: true });
console.log(r);
for (const cfg of [{ args: ['--nope'] }, { args: ['pos'] }, { args: ['--s'], options: { s: { type: 'string' } } }, { args: ['--b=1'], options: { b: { type: 'boolean' } } }, { args: ['-s', '-x'], options: { s: { type: 'string', short: 's' } } }, { args: ['--nope'], allowPositionals: true }, { options: { x: { type: 'number' } } }, { options: { x: { type: 'string', short: 'xy' } } }]) {
  try { console.log(parseArgs(cfg)); } catch (e) { console.log(e.code, e.message); }
}
console.log(parseArgs({ args: ['--no-color'], options: { color: { type: 'boolean' } }, allowNegative: true }));
console.log(parseArgs({ strict: false, args: ['--x=1', '-y', 'z'] }));
console.log(JSON.stringify(styleText('red', 'hi')), JSON.stringify(styleText(['bold', 'underline'], 'x', { validateStream: false })), JSON.stringify(styleText('#f00', 'h', { validateStream: false })));
try { styleText('nope', 'x') } catch (e) { console.log(e.code, e.message.slice(0, 80)) }
try { styleText('red', 5) } catch (e) { console.log(e.code, e.message) }
console.log(Object.keys(require('util').inspect.colors).length, require('util').inspect.colors.grey, require('util').inspect.styles.number);
