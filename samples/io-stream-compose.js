// stream.compose and Readable.prototype.compose: one Duplex for a chain of streams and
// async generator functions; the argument checks.
const { compose, Readable, Transform, PassThrough, Writable } = require('stream');
const { pipeline } = require('stream/promises');
(async () => {
  const upper = new Transform({ transform(c, e, cb) { cb(null, String(c).toUpperCase()); } });
  const c = compose(upper, async function* (src) { for await (const x of src) yield x + '!'; });
  const got = [];
  await pipeline(Readable.from(['a', 'b']), c, new Writable({ objectMode: true, write(x, e, cb) { got.push(String(x)); cb(); } }));
  console.log(got);
  const c2 = compose(async function* (src) { for await (const x of src) yield String(x) * 2; }, new PassThrough({ objectMode: true }));
  const got2 = [];
  await pipeline(Readable.from(['3', '4']), c2, new Writable({ objectMode: true, write(x, e, cb) { got2.push(x); cb(); } }));
  console.log(got2);
  try { compose(); } catch (e) { console.log(e.code, e.message); }
  try { compose(new Writable({ write(c, e, cb) { cb(); } }), new PassThrough()); } catch (e) { console.log(e.code, e.message.split('. Received')[0]); }
  console.log(Readable.prototype.compose.name, typeof compose);
})();
