// new console.Console(...) instances as Node 24 makes them (lib/internal/console/constructor.js):
// each writes to its own streams with its own group indentation, counts, timers, colorMode and
// inspectOptions; positional and options forms; ignoreErrors; the argument errors.
const { Console } = console;
const { Writable, PassThrough } = require('stream');
const { EventEmitter } = require('events');
function sink() {
  const chunks = [];
  const w = new Writable({ write(chunk, enc, cb) { chunks.push(chunk.toString()); cb(); } });
  w.chunks = chunks;
  return w;
}

// ---- instance keys, methods, own groups/counts/timers
(() => {
  const out = sink(), err = sink();
  const c = new Console({ stdout: out, stderr: err, groupIndentation: 4 });
  console.log(Object.keys(c));
  console.log(Reflect.ownKeys(c).filter(k => typeof k === 'symbol').map(String));
  console.log(c instanceof Console, console instanceof Console, {} instanceof Console, Console.length, Console.name);
  console.log(Object.getOwnPropertyNames(Console.prototype));
  console.log(Object.getOwnPropertySymbols(Console.prototype).map(String));
  console.log(c.log.name, c.log.length, c.dirxml.name, c.groupCollapsed.name);
  c.log('a %d', 1);
  c.group('g1');
  c.info('in\nmulti');
  c.group();
  c.warn('deep');
  c.groupEnd();
  c.groupEnd();
  c.groupEnd();
  c.table([{ a: 1, b: 2 }]);
  c.dir({ x: { y: { z: { w: 1 } } } }, { depth: 0 });
  c.count(); c.count(); c.count('x'); c.countReset(); c.count();
  c.assert(false, 'bad %s', 'thing');
  c.assert(false);
  c.assert(true, 'no');
  c.assert(false, { a: 1 });
  c.error(new Error('boom').message);
  c.trace('here');
  c.time('t'); c.timeLog('t', 'extra'); c.timeEnd('t');
  setTimeout(() => {
    console.log(JSON.stringify(out.chunks.map(s => s.replace(/\d+(\.\d+)?ms/, 'Nms'))));
    console.log(JSON.stringify(err.chunks.map(s => s.split('\n')[0])));
  }, 10);
})();

// ---- argument errors, positional form, colorMode, inspectOptions, subclasses
(() => {
  const tries = [
    () => new Console(),
    () => new Console({}),
    () => new Console({ stdout: {} }),
    () => new Console({ stdout: sink(), stderr: 1 }),
    () => new Console(sink(), {}),
    () => new Console({ stdout: sink(), colorMode: 'yes' }),
    () => new Console({ stdout: sink(), groupIndentation: 1001 }),
    () => new Console({ stdout: sink(), groupIndentation: 1.5 }),
    () => new Console({ stdout: sink(), groupIndentation: '2' }),
    () => new Console({ stdout: sink(), inspectOptions: 'x' }),
    () => new Console({ stdout: sink(), inspectOptions: null }),
    () => new Console({ stdout: sink(), inspectOptions: { colors: true }, colorMode: false }),
    () => new Console({ stdout: sink(), inspectOptions: { colors: true }, colorMode: 'auto' }),
    () => new Console({ stdout: sink(), inspectOptions: [] }),
    () => Console(sink()).log('called without new'),
  ];
  for (const t of tries) {
    try { const r = t(); console.log('ok', typeof r); }
    catch (e) { console.log(e.name, e.code, e.message); }
  }
  // positional
  const o = sink(), e = sink();
  const c2 = new Console(o, e);
  c2.log({ a: [1, 2, { b: 3 }] }); c2.error('err line'); c2.warn('%o', [1]);
  console.log(o.chunks, e.chunks);
  const c3 = new Console(o);
  c3.error('to stdout');
  console.log(o.chunks.at(-1));
  // colorMode
  const k = sink();
  const c4 = new Console({ stdout: k, colorMode: true });
  c4.log('s', 1, 'str', null);
  c4.log('plain string');
  c4.dir({ a: 1 });
  const c5 = new Console({ stdout: k, inspectOptions: { depth: 0, breakLength: 20 } });
  c5.log({ a: { b: 1 } }, 'x');
  c5.log({ aaaaaaa: 1, bbbbbbbbb: 2, cccccccc: 3 });
  c5.dir({ a: { b: 1 } });
  c5.dir({ a: { b: 1 } }, { depth: 3 });
  const c6 = new Console({ stdout: k, groupIndentation: 0 });
  c6.group('zero'); c6.log('same'); c6.groupEnd();
  console.log(JSON.stringify(k.chunks));
  const m = new Map([[k, { colors: true }]]);
  const c7 = new Console({ stdout: k, inspectOptions: m });
  c7.log(5); console.log(JSON.stringify(k.chunks.at(-1)));
  class MyConsole extends Console { log(...a) { super.log('[my]', ...a); } }
  const c8 = new MyConsole({ stdout: k });
  c8.log('sub'); c8.info('info'); console.log(JSON.stringify(k.chunks.slice(-2)), c8 instanceof Console, c8 instanceof MyConsole);
  console.log(Object.prototype.toString.call(c8), String(c8[Symbol.toStringTag]));
  console.log(c8._ignoreErrors, c8._stdout === k, c8._stderr === k, typeof c8._times, Object.getOwnPropertyNames(c8).filter(n => n.startsWith('_')));
  const c9 = new Console(k, k, false);
  console.log(c9._ignoreErrors);
  console.log(Console.prototype.log.name, Console.prototype.trace.name, Console.prototype.log.length, Console.prototype.assert.length, Console.prototype.dir.length, Console.prototype.table.length);
})();

// ---- ignoreErrors and streams that are not Writables
(() => {
  const lines = [];
  const plain = { write(s) { lines.push(s); } };
  try { new Console(plain).log("p"); } catch (e) { console.log(e.name, e.message); }
  new Console(plain, plain, false).log('plain ignoreErrors false');
  console.log(lines);
  const ee = Object.assign(new EventEmitter(), { write(s, cb) { lines.push([s, typeof cb, this.listenerCount('error')]); } });
  new Console(ee).log('emitter');
  console.log(lines);
  const thrower = Object.assign(new EventEmitter(), { write() { throw new Error('write failed'); } });
  new Console(thrower).log('x'); console.log('swallowed', thrower.listenerCount('error'));
  try { new Console(thrower, thrower, false).log('x'); } catch (e) { console.log('thrown', e.message); }
  const c = new Console(ee);
  console.log(c);
})();

// ---- table, colors per stream, process.stdout, PassThrough, trace, instanceof
(() => {
  console.log(console.Console === require('console').Console, typeof Console, Object.getOwnPropertyDescriptor(console, 'Console').enumerable);
  console.log(Console.prototype.constructor === Console, Object.getPrototypeOf(Console.prototype) === Object.prototype);
  const k = sink();
  const c = new Console({ stdout: k, inspectOptions: { depth: 0 } });
  c.table(new Map([['a', { x: 1 }], ['b', 2]]));
  c.table(new Set([1, 'two']));
  c.table(new Map([[1, 2], [3, 4]]).entries());
  c.table(new Map([[1, 2], [3, 4]]).values());
  c.table([[1, [2, [3]]], { a: { deep: { er: 1 } } }]);
  c.table([{ a: 1, b: 2 }, { a: 3, c: 4 }], ['a', 'c']);
  c.table('not tabular');
  c.table(null);
  try { c.table([], 'a'); } catch (e) { console.log(e.code, e.message); }
  for (const s of k.chunks) process.stdout.write(s);
  const tty = sink(); tty.isTTY = true; tty.getColorDepth = () => 8;
  const ct = new Console(tty);
  ct.log({ n: 1, s: 'x' });
  const notty = sink(); notty.isTTY = true; notty.getColorDepth = () => 1;
  new Console(notty).log({ n: 1 });
  console.log(JSON.stringify(tty.chunks), JSON.stringify(notty.chunks));
  const viaStdout = new Console({ stdout: process.stdout, stderr: process.stderr, groupIndentation: 3 });
  viaStdout.group('Level 1');
  viaStdout.log('one');
  viaStdout.group('Level 2');
  viaStdout.table([{ a: 1 }]);
  viaStdout.groupEnd();
  viaStdout.groupEnd();
  viaStdout.log('back');
  console.log('global console unaffected');
  const pt = new PassThrough();
  const cp = new Console(pt);
  cp.log('through a PassThrough', 42);
  cp.dir('str', { colors: true });
  console.log(pt.read().toString());
  const err = sink();
  const cerr = new Console({ stdout: sink(), stderr: err });
  cerr.trace('traced %d', 5);
  cerr.trace();
  console.log(err.chunks.map(s => s.split('\n').slice(0, 2).map(l => l.replace(/at .*/, 'at ...')).join(' | ')));
  try { null instanceof Console; } catch (e) { console.log(e.name); }
  console.log(1 instanceof Console, Object.create(Console.prototype) instanceof Console);
  const noNew = Console({ stdout: k });
  console.log(noNew instanceof Console, Object.getPrototypeOf(noNew) === Console.prototype);
})();
