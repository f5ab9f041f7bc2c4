// stream.pipeline as Node 24 builds it: async generator stages, a destination function whose
// promise's value is the result, an error thrown inside a stage ending the pipeline (not the
// process), an AbortSignal, a failing Transform destroying every stream, and piping into a
// destroyed stream (ERR_STREAM_UNABLE_TO_PIPE).
const { pipeline, Readable, Writable, PassThrough, Transform } = require('stream');
const { pipeline: pp } = require('stream/promises');

async function generators() {
  const out = [];
  await pp(Readable.from(['a', 'b', 'c']),
    async function* (source) { for await (const c of source) yield c.toUpperCase(); },
    async function* (source) { for await (const c of source) yield c + '!'; },
    new Writable({ objectMode: true, write(c, e, cb) { out.push(c); cb(); } }));
  console.log(out);
  const sum = await pp(Readable.from([1, 2, 3]), async function (source) {
    let s = 0;
    for await (const n of source) s += n;
    return s;
  });
  console.log('sum', sum);
  await pp(async function* () { yield 'x'; yield 'y'; },
    async function* (src) { for await (const c of src) yield c.repeat(2); },
    async (src) => { for await (const c of src) console.log('sink', c); });
  await new Promise((resolve) => {
    pipeline(Readable.from(['q']), new PassThrough({ objectMode: true }), (err) => {
      console.log('cb', err);
      resolve();
    });
  });
  try {
    await pp(Readable.from([1]),
      async function* (s) { for await (const c of s) throw new Error('mid ' + c); },
      new PassThrough({ objectMode: true }));
  } catch (e) {
    console.log('err', e.message);
  }
}

async function errorsAndSignals() {
  const ac = new AbortController();
  const slow = new Readable({ read() {} });
  slow.push('a');
  setTimeout(() => ac.abort(), 10);
  try {
    await pp(slow, new PassThrough(),
      new Writable({ write(c, e, cb) { console.log('w', String(c)); cb(); } }), { signal: ac.signal });
  } catch (e) {
    console.log(e.name, e.code, slow.destroyed);
  }
  const src = Readable.from(['x', 'y']);
  const t = new Transform({ transform(c, e, cb) { cb(new Error('transform failed')); } });
  await new Promise((resolve) => {
    pipeline(src, t, new PassThrough(), (err) => {
      console.log('cb', err.message, src.destroyed, t.destroyed);
      resolve();
    });
  });
  const w = new Writable({ write(c, e, cb) { cb(); } });
  await new Promise((resolve) => {
    pipeline(Readable.from(['1']), w, (err, v) => {
      console.log('ok', err, v);
      resolve();
    });
  });
  const d = new PassThrough();
  d.destroy();
  try { pipeline(Readable.from(['z']), d, () => {}); } catch (e) { console.log(e.code, e.message); }
  const r = await pp(Readable.from(['a', 'b']),
    async function* (s) { for await (const c of s) yield c + c; },
    async (s) => { const all = []; for await (const c of s) all.push(c); return all.join(','); });
  console.log('value', r);
}

generators().then(errorsAndSignals);
