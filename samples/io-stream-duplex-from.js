// stream.Duplex.from: an async generator function (writable side in, yields out), an async
// function (writable only), an iterable or a promise (readable only), a { readable, writable }
// pair, a stream itself; and its errors.
const { Duplex, Readable, Writable, PassThrough } = require('stream');
const { pipeline: pp } = require('stream/promises');
(async () => {
  const d = Duplex.from(async function* (src) { for await (const c of src) yield String(c).toUpperCase(); });
  const got = [];
  await pp(Readable.from(['m', 'n']), d, new Writable({ objectMode: true, write(c, e, cb) { got.push(String(c)); cb(); } }));
  console.log('gen', got);
  const r = Duplex.from(['a', 'b']); console.log(r.writable, await r.toArray());
  const p = Duplex.from(Promise.resolve('val')); console.log(await p.toArray());
  const seen = [];
  const w = Duplex.from(async function (src) { for await (const c of src) seen.push(String(c)); });
  await pp(Readable.from(['x', 'y']), w); console.log('async fn', seen);
  const inner = new PassThrough();
  const pair = Duplex.from({ readable: inner, writable: new Writable({ write(c, e, cb) { inner.write(String(c) + '>'); cb(); }, final(cb) { inner.end(); cb(); } }) });
  pair.write('1'); pair.end('2');
  console.log('pair', (await pair.toArray()).map(String));
  const pt = new PassThrough(); console.log(Duplex.from(pt) === pt);
  try { Duplex.from(42); } catch (e) { console.log(e.code, e.message); }
  try { Duplex.from(() => 5); } catch (e) { console.log(e.code, e.message); }
})();
