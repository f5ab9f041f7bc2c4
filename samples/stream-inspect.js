// console.log of streams as Node 24 shows them: the preset `_events` slots (shape mode), the
// state flags in one bit field (`Symbol(kState)`) with the values kept beside it
// (`kBufferedValue`, `kWriteCbValue`, `kOnFinishedValue`, ...), through writes, corking,
// buffering, finishing, flowing, pausing, ending and destroying.
const { Readable, Writable, Duplex, Transform, PassThrough } = require('node:stream');
const fs = require('node:fs');
const show = (label, s) => console.log(label, s);
async function main() {
  const w = new Writable({ write(c, e, cb) { setImmediate(cb); } });
  show('fresh writable', w);
  w.write('abc');
  show('writing', w);
  w.write('def', () => {});
  show('buffered', w);
  w.cork(); show('corked', w._writableState); w.uncork();
  await new Promise((r) => w.end('x', r));
  show('finished', w);
  const r = new Readable({ read() {} });
  r.push('hello');
  show('pushed', r);
  r.on('data', () => {});
  show('data listener', r._readableState);
  await new Promise((res) => setImmediate(res));
  show('flowing', r._readableState);
  r.pause(); show('paused', r._readableState);
  r.push(null); r.resume();
  await new Promise((res) => r.on('end', res));
  show('ended', r._readableState);
  const d = new Duplex({ read() {}, write(c, e, cb) { cb(); }, objectMode: true });
  show('duplex', d);
  const t = new Transform({ transform(c, e, cb) { cb(null, c); } });
  show('transform', t);
  const enc = new Readable({ read() {}, defaultEncoding: 'latin1' });
  show('encoding', enc._readableState);
  const rd = Readable.from(['a']);
  // A fixed stack: the sample's output must not depend on where the clone lives.
  const bad = new Error('bad');
  bad.stack = 'Error: bad\n    at main (stream-inspect.js:36:14)';
  rd.destroy(bad);
  rd.on('error', () => {});
  await new Promise((res) => setImmediate(res));
  show('destroyed', rd._readableState);
  const fsr = fs.createReadStream(__filename);
  show('fs stream keys', Object.keys(fsr));
  fsr.destroy();
  const pt = new PassThrough();
  pt.write('x'); pt.end();
  await new Promise((res) => pt.on('finish', res));
  show('pt finished', pt._writableState);
}
main();
