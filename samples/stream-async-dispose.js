// Streams are async-disposable (await using) and the legacy Stream lists only event names
// that still have listeners, as Node 24's.
const s = require('stream');
(async () => {
  const w2 = new s.Writable({ write(c, e, cb) { cb(); } });
  await w2[Symbol.asyncDispose]();
  console.log('disposed', w2.destroyed, w2.errored && w2.errored.name, w2.errored && w2.errored.code);
  const w3 = new s.Writable({ write(c, e, cb) { cb(); } });
  w3.end('a');
  await new Promise((r) => w3.on('finish', r));
  await w3[Symbol.asyncDispose]();
  console.log('disposed finished', w3.destroyed, w3.errored);
  const r = s.Readable.from(['a', 'b']);
  await r[Symbol.asyncDispose]();
  console.log('readable disposed', r.destroyed, r.errored && r.errored.name);
  const w4 = new s.Writable({ write(c, e, cb) { cb(); } });
  w4.on('x', () => {}); w4.on('y', () => {}); w4.removeAllListeners('y');
  console.log(w4.eventNames(), s.Writable.prototype[Symbol.asyncDispose].constructor.name);
  {
    await using w5 = new s.Writable({ write(c, e, cb) { cb(); } });
    w5.write('z');
  }
  console.log('await using done');
})();
