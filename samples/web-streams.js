// WHATWG streams (ReadableStream, WritableStream, TransformStream): the order of reads, writes
// and backpressure relative to other promise jobs, errors, cancellation, tee, pipeTo with an
// AbortSignal, async iteration with break, TransformStream chains, and util.inspect output.
'use strict';
const web = require('stream/web');
const log = (...a) => console.log(...a);

const tests = [];
const test = (name, fn) => tests.push([name, fn]);

test('read order vs other microtasks', async () => {
  let ctrl;
  const rs = new ReadableStream({
    start(c) { ctrl = c; log('start'); },
    pull(c) { log('pull, desiredSize', c.desiredSize); },
  });
  log('constructed');
  const reader = rs.getReader();
  Promise.resolve().then(() => log('tick 1'));
  const p = reader.read().then((r) => log('read 1', r));
  Promise.resolve().then(() => log('tick 2'));
  ctrl.enqueue('a');
  ctrl.enqueue('b');
  log('desiredSize after enqueue', ctrl.desiredSize);
  await p;
  log('read 2', await reader.read());
  ctrl.close();
  log('read 3', await reader.read());
  await reader.closed;
  log('closed', rs);
});

test('highWaterMark and pull', async () => {
  let n = 0;
  const rs = new ReadableStream({
    pull(c) {
      n++;
      log('pull', n, c.desiredSize);
      c.enqueue(n);
      if (n === 4) c.close();
    },
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
  await null;
  await null;
  log('queued before reading');
  const reader = rs.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    log('got', value, done);
    if (done) break;
  }
});

test('errors', async () => {
  const err = new Error('source failed');
  const rs = new ReadableStream({ start(c) { c.enqueue(1); c.error(err); } });
  const reader = rs.getReader();
  try { await reader.read(); } catch (e) { log('read rejected', e.message); }
  try { await reader.closed; } catch (e) { log('closed rejected', e === err); }
  log(rs);
  const rs2 = new ReadableStream({ pull() { throw new Error('pull threw'); } });
  try { await rs2.getReader().read(); } catch (e) { log('pull error', e.message); }
  const rs3 = new ReadableStream({ start() { return Promise.reject(new Error('start rejected')); } });
  try { await rs3.getReader().read(); } catch (e) { log('start error', e.message); }
  try { rs.getReader(); } catch (e) { log(e.name, e.code, e.message); }
  try { new ReadableStream({ type: 'nope' }); } catch (e) { log(e.name, e.code, e.message); }
  try { new ReadableStream({}, { highWaterMark: -1 }); } catch (e) { log(e.name, e.code, e.message); }
  try { new ReadableStream({}, { size: 3 }); } catch (e) { log(e.name, e.code, e.message); }
  try { new ReadableStreamDefaultController(); } catch (e) { log(e.name, e.code, e.message); }
  let c;
  new ReadableStream({ start(cc) { c = cc; } }, { size() { return -1; } });
  try { c.enqueue(1); } catch (e) { log(e.name, e.code, e.message); }
  try { c.close(); } catch (e) { log(e.name, e.code, e.message); }
  await ReadableStream.prototype.cancel.call({}).catch((e) => log(e.name, e.code, e.message));
  const released = new ReadableStream().getReader();
  released.releaseLock();
  await released.read().catch((e) => log(e.name, e.code, e.message));
  await released.closed.catch((e) => log(e.name, e.code, e.message));
  const r2 = new ReadableStream().getReader();
  const pending = r2.read();
  r2.releaseLock();
  await pending.catch((e) => log(e.name, e.code, e.message));
});

test('cancel', async () => {
  const rs = new ReadableStream({
    start(c) { c.enqueue('x'); },
    cancel(reason) { log('cancel called with', reason); return new Promise((r) => setTimeout(r, 5)); },
  });
  const reader = rs.getReader();
  const readP = reader.read();
  const cancelP = reader.cancel('enough').then((v) => log('cancel resolved', v));
  log('read after cancel', await readP);
  await cancelP;
  log('read on canceled', await reader.read());
  log(rs);
});

test('tee', async () => {
  const rs = new ReadableStream({
    start(c) { c.enqueue('t1'); c.enqueue('t2'); c.close(); },
    cancel(reason) { log('source cancel', reason); },
  });
  const [a, b] = rs.tee();
  log(rs.locked, a.locked, b.locked);
  const ra = a.getReader();
  const rb = b.getReader();
  log('a', await ra.read());
  log('b', await rb.read());
  log('a', await ra.read());
  log('a', await ra.read());
  log('b', await rb.read());
  log('b', await rb.read());
  // both branches canceled: the source sees both reasons
  const src = new ReadableStream({ cancel(reason) { log('composite cancel', reason); } });
  const [x, y] = src.tee();
  const px = x.cancel('r1').then(() => log('x cancel resolved'));
  log('one branch canceled');
  await Promise.resolve();
  const py = y.cancel('r2').then(() => log('y cancel resolved'));
  await Promise.all([px, py]);
});

test('writable backpressure', async () => {
  const order = [];
  const ws = new WritableStream({
    start() { log('sink start'); },
    write(chunk) {
      log('sink write', chunk);
      return new Promise((r) => setTimeout(r, 10));
    },
    close() { log('sink close'); },
  }, { highWaterMark: 2 });
  const writer = ws.getWriter();
  log('desiredSize', writer.desiredSize);
  writer.ready.then(() => order.push('ready 0'));
  const w1 = writer.write('w1').then(() => log('w1 done, desiredSize', writer.desiredSize));
  log('desiredSize', writer.desiredSize);
  writer.write('w2').then(() => log('w2 done'));
  log('desiredSize', writer.desiredSize);
  writer.write('w3').then(() => log('w3 done'));
  log('desiredSize', writer.desiredSize);
  let readyResolved = false;
  writer.ready.then(() => { readyResolved = true; log('ready resolved'); });
  await w1;
  log('readyResolved', readyResolved, order);
  await writer.close();
  log('closed', ws, writer.desiredSize);
  await writer.closed;
  log('writer.closed resolved');
});

test('writer.ready / writer.closed order on abort', async () => {
  const ws = new WritableStream({
    write() { return new Promise((r) => setTimeout(r, 5)); },
    abort(reason) { log('sink abort', reason); },
  });
  const writer = ws.getWriter();
  const w = writer.write('a').then(() => log('write a fulfilled'), (e) => log('write a rejected', e));
  const w2 = writer.write('b').then(() => log('write b fulfilled'), (e) => log('write b rejected', e));
  writer.ready.then(() => log('ready fulfilled'), (e) => log('ready rejected', e));
  writer.closed.then(() => log('closed fulfilled'), (e) => log('closed rejected', e));
  const a = writer.abort('stop').then(() => log('abort fulfilled'));
  log(ws);
  await Promise.all([w, w2, a]);
  log(ws, writer.desiredSize);
  const e2 = new WritableStream({ start(c) { c.error(new Error('sink broke')); } });
  log(e2);
  const w3 = e2.getWriter();
  await w3.closed.catch((e) => log('closed', e.message));
  log(e2);
  await w3.write(1).catch((e) => log('write on errored', e.message));
  const signalled = new WritableStream({
    write(chunk, c) {
      c.signal.addEventListener('abort', () => log('signal abort', c.signal.reason));
      return new Promise((r) => setTimeout(r, 5));
    },
  });
  const sw = signalled.getWriter();
  sw.write('x').catch(() => {});
  await null;
  await sw.abort('why');
  log('after signalled abort');
  const closing = new WritableStream().getWriter();
  closing.close();
  await closing.write(1).catch((e) => log(e.name, e.code, e.message));
  await closing.close().catch((e) => log(e.name, e.code, e.message));
});

test('pipeTo', async () => {
  const chunks = [];
  const rs = new ReadableStream({
    start(c) { ['p1', 'p2', 'p3'].forEach((x) => c.enqueue(x)); c.close(); },
  });
  const ws = new WritableStream({
    write(chunk) { log('sink got', chunk); chunks.push(chunk); },
    close() { log('sink closed'); },
  });
  const p = rs.pipeTo(ws).then(() => log('pipe done', chunks));
  log('locked during pipe', rs.locked, ws.locked);
  await p;
  log(rs, ws);
  // error in the source aborts the destination
  const bad = new ReadableStream({ start(c) { c.enqueue(1); setTimeout(() => c.error(new Error('src err')), 5); } });
  const dest = new WritableStream({ write(c) { log('dest write', c); }, abort(r) { log('dest abort', r.message); } });
  await bad.pipeTo(dest).catch((e) => log('pipe rejected', e.message));
  // preventAbort / preventClose
  const src2 = new ReadableStream({ start(c) { c.enqueue('q'); c.close(); } });
  const dst2 = new WritableStream({ write(c) { log('dst2', c); } });
  await src2.pipeTo(dst2, { preventClose: true });
  log('after preventClose', dst2);
  const w2 = dst2.getWriter();
  await w2.write('still open');
  await w2.close();
  // AbortSignal
  const ac = new AbortController();
  const slow = new ReadableStream({
    pull(c) { return new Promise((r) => setTimeout(() => { try { c.enqueue('tick'); } catch (e) { log('late enqueue', e.message); } r(); }, 10)); },
    cancel(r) { log('slow source canceled', r.name); },
  });
  const sink = new WritableStream({ write(c) { log('sink', c); }, abort(r) { log('sink aborted', r.name); } });
  setTimeout(() => ac.abort(), 25);
  await slow.pipeTo(sink, { signal: ac.signal }).catch((e) => log('aborted pipe', e.name, e.message));
  log(slow, sink);
  const ac2 = new AbortController();
  ac2.abort(new Error('already'));
  await new ReadableStream().pipeTo(new WritableStream(), { signal: ac2.signal })
    .catch((e) => log('pre-aborted', e.message));
  await new ReadableStream().pipeTo({}).catch((e) => log(e.name, e.code, e.message));
  await new ReadableStream().pipeTo(new WritableStream(), { signal: 1 }).catch((e) => log(e.name, e.code, e.message));
  // destination closed
  const closedDest = new WritableStream();
  await closedDest.close();
  await new ReadableStream({ cancel(r) { log('canceled because', r.message); } })
    .pipeTo(closedDest).catch((e) => log('closed dest', e.message));
});

test('async iteration', async () => {
  const make = () => new ReadableStream({
    start(c) { for (let i = 1; i <= 5; i++) c.enqueue(i); c.close(); },
    cancel(r) { log('iter cancel', r); },
  });
  for await (const v of make()) log('v', v);
  const s = make();
  for await (const v of s) { log('v', v); if (v === 2) break; }
  log('after break', s);
  const s2 = make();
  for await (const v of s2.values({ preventCancel: true })) { if (v === 2) break; }
  log('preventCancel', s2, await s2.getReader().read());
  const it = make().values();
  log(await Promise.all([it.next(), it.next(), it.return('bye'), it.next()]));
  const failing = new ReadableStream({ start(c) { c.enqueue('ok'); c.error(new Error('mid-iteration')); } });
  try { for await (const v of failing) log('v', v); } catch (e) { log('iteration threw', e.message); }
  const fromGen = ReadableStream.from((async function* () { yield 'g1'; await null; yield 'g2'; })());
  for await (const v of fromGen) log('from', v);
  const fromArr = ReadableStream.from(['a1', Promise.resolve('a2')]);
  log(await Array.fromAsync(fromArr));
  try { ReadableStream.from(1); } catch (e) { log(e.name, e.code, e.message); }
});

test('TransformStream chains', async () => {
  const upper = new TransformStream({
    transform(chunk, c) { c.enqueue(String(chunk).toUpperCase()); },
    flush(c) { c.enqueue('[end]'); log('flush upper'); },
  });
  const split = new TransformStream({
    transform(chunk, c) { for (const ch of chunk) c.enqueue(ch); },
  });
  const rs = ReadableStream.from(['ab', 'c']);
  const out = [];
  for await (const x of rs.pipeThrough(upper).pipeThrough(split)) out.push(x);
  log(out.join(','));
  const ts = new TransformStream();
  log(ts);
  const w = ts.writable.getWriter();
  const r = ts.readable.getReader();
  w.write('identity').then(() => log('identity write done'));
  log(await r.read());
  w.close();
  log(await r.read());
  const erroring = new TransformStream({ transform() { throw new Error('transform failed'); } });
  const ew = erroring.writable.getWriter();
  const readP = erroring.readable.getReader().read().catch((e) => log('read rejected', e.message));
  await ew.write('x').catch((e) => log('write rejected', e.message));
  await readP;
  let tc;
  const term = new TransformStream({ start(c) { tc = c; } });
  tc.enqueue('before terminate');
  tc.terminate();
  try { tc.enqueue(1); } catch (e) { log(e.name, e.code, e.message); }
  await term.writable.getWriter().closed.catch((e) => log('writable', e.message));
  log(await Array.fromAsync(term.readable));
  const enc = new TextEncoderStream();
  const dec = new TextDecoderStream();
  log(enc, dec);
  const text = ReadableStream.from(['héllo ', '\ud83d', '\ude00 wörld']).pipeThrough(enc).pipeThrough(dec);
  log(await Array.fromAsync(text));
  const bytes = ReadableStream.from(['€']).pipeThrough(new TextEncoderStream());
  log(await Array.fromAsync(bytes));
});

test('inspect and shape', async () => {
  log(Object.keys(web));
  log(typeof ReadableStream, ReadableStream === web.ReadableStream, Object.getOwnPropertyDescriptor(globalThis, 'WritableStream'));
  const rs = new ReadableStream();
  log(rs, rs.getReader());
  const ws = new WritableStream();
  log(ws, ws.getWriter());
  log(new CountQueuingStrategy({ highWaterMark: 3 }), new ByteLengthQueuingStrategy({ highWaterMark: 1024 }));
  log(new ByteLengthQueuingStrategy({ highWaterMark: 1 }).size(new Uint8Array(7)));
  let rc, wc;
  new ReadableStream({ start(c) { rc = c; } });
  new WritableStream({ start(c) { wc = c; } });
  log(rc, wc);
  log(Object.prototype.toString.call(rs), String(new TransformStream()));
  log(Object.getOwnPropertyNames(ReadableStream.prototype), Object.getOwnPropertyNames(WritableStreamDefaultWriter.prototype));
  log(rs[Symbol.asyncIterator] === rs.values, new ReadableStream().values());
  log(require('util').inspect(new TransformStream(), { depth: 0 }));
  log([new ReadableStream()]);
});

(async () => {
  for (const [name, fn] of tests) {
    log(`--- ${name}`);
    await fn();
  }
})();
