// stream.Readable/Writable/Duplex .toWeb() and .fromWeb() (Node 24's
// lib/internal/webstreams/adapters.js): chunk types, object mode, the strategy option,
// backpressure, encodings, errors and premature close, argument errors, and the order of
// write callbacks, ticks and microtasks.
const { Readable, Writable, Duplex, PassThrough } = require('stream');
const log = (...a) => console.log(...a);
(async () => {
  // Readable.toWeb: bytes become Uint8Array chunks
  const r = Readable.from(['a', 'bc', 'def'], { objectMode: false });
  const rs = Readable.toWeb(r);
  log(Object.prototype.toString.call(rs), rs.locked);
  const chunks = [];
  for await (const c of rs) chunks.push([c.constructor.name, Buffer.from(c).toString()]);
  log(chunks);
  // object mode
  const ro = Readable.from([{ a: 1 }, 2, 'three']);
  const got = [];
  for await (const c of Readable.toWeb(ro)) got.push(c);
  log(got);
  // strategy option & backpressure: count how many chunks read eagerly
  let produced = 0;
  const slow = new Readable({ objectMode: true, highWaterMark: 2, read() { produced++; this.push(produced <= 10 ? produced : null); } });
  const ws = Readable.toWeb(slow, { strategy: new CountQueuingStrategy({ highWaterMark: 1 }) });
  await new Promise((r) => setTimeout(r, 5));
  log('produced before read', produced);
  const reader = ws.getReader();
  log(await reader.read(), await reader.read());
  reader.releaseLock();
  await ws.cancel('enough');
  log('destroyed after cancel', slow.destroyed);
  // errors propagate
  const bad = new Readable({ read() { this.destroy(new Error('broken source')); } });
  try { for await (const c of Readable.toWeb(bad)) log(c); } catch (e) { log('caught', e.message); }
  // premature close → AbortError
  const pc = new Readable({ read() {} });
  const pcs = Readable.toWeb(pc);
  pc.destroy();
  try { await pcs.getReader().read(); } catch (e) { log('premature', e.name, e.code, e.cause?.code); }
  // Readable.fromWeb
  const src = new ReadableStream({ start(c) { c.enqueue('x'); c.enqueue('y'); c.close(); } });
  const nr = Readable.fromWeb(src, { objectMode: true });
  const out = [];
  for await (const c of nr) out.push(c);
  log(out);
  const bytes = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('héllo')); c.close(); } });
  const enc = Readable.fromWeb(bytes, { encoding: 'utf8' });
  let s = ''; for await (const c of enc) s += c; log(JSON.stringify(s));
  const errSrc = new ReadableStream({ pull(c) { c.error(new TypeError('web failure')); } });
  try { for await (const c of Readable.fromWeb(errSrc)) log(c); } catch (e) { log('fromWeb error', e.name, e.message); }
  // Writable.toWeb
  const written = [];
  const nw = new Writable({ highWaterMark: 4, write(chunk, enc, cb) { written.push(chunk.toString()); setTimeout(cb, 1); } });
  const wsw = Writable.toWeb(nw);
  const writer = wsw.getWriter();
  log('desiredSize', writer.desiredSize);
  await writer.write('hello');
  await writer.write(new Uint8Array([104, 105]));
  await writer.write(new TextEncoder().encode('!').buffer);
  await writer.close();
  log(written, nw.writableFinished);
  // Writable.fromWeb
  const sink = [];
  const web = new WritableStream({ write(chunk) { sink.push(typeof chunk === 'string' ? chunk : [chunk.constructor.name, ...chunk]); } });
  const fw = Writable.fromWeb(web);
  fw.write('ab');
  fw.write('ff', 'hex');
  fw.end(Buffer.from('z'));
  await new Promise((r) => fw.on('finish', r));
  log(sink);
  const ow = Writable.fromWeb(new WritableStream({ write(c) { sink.push(c); } }), { objectMode: true });
  ow.end({ obj: true });
  await new Promise((r) => ow.on('finish', r));
  log(sink.at(-1));
  const fail = Writable.fromWeb(new WritableStream({ write() { throw new Error('sink failed'); } }));
  fail.on('error', (e) => log('fromWeb write error', e.message));
  fail.write('x');
  await new Promise((r) => setTimeout(r, 5));
  // Duplex
  const pt = new PassThrough();
  const { readable, writable } = Duplex.toWeb(pt);
  const w2 = writable.getWriter();
  w2.write('through');
  w2.close();
  const dr = []; for await (const c of readable) dr.push(Buffer.from(c).toString());
  log(dr);
  const ts = new TransformStream({ transform(chunk, c) { c.enqueue(String(chunk).toUpperCase()); } });
  const d = Duplex.fromWeb(ts, { objectMode: true });
  d.write('up'); d.end('per');
  const du = []; for await (const c of d) du.push(c);
  log(du);
  const d2 = Duplex.fromWeb({ readable: new ReadableStream({ start(c) { c.enqueue(new Uint8Array([65, 66])); c.close(); } }), writable: new WritableStream() }, { encoding: 'utf8' });
  d2.end();
  let t = ''; for await (const c of d2) t += c; log(t);
  // argument errors
  for (const f of [
    () => Readable.toWeb({}), () => Readable.toWeb(new Readable(), null), () => Readable.toWeb(new Readable(), { type: 'x' }),
    () => Readable.fromWeb({}), () => Readable.fromWeb(new ReadableStream(), { encoding: 'nope' }),
    () => Readable.fromWeb(new ReadableStream(), { objectMode: 1 }), () => Writable.toWeb({}),
    () => Writable.fromWeb(new Readable()), () => Writable.fromWeb(new WritableStream(), { decodeStrings: 'no' }),
    () => Duplex.toWeb(new Readable()), () => Duplex.fromWeb(null), () => Duplex.fromWeb({ readable: new ReadableStream() }),
    () => Duplex.fromWeb({ readable: 1, writable: new WritableStream() }),
  ]) {
    try { f(); log('no error'); } catch (e) { log(e.name, e.code, e.message); }
  }
  // finished streams
  const ended = Readable.from([]);
  ended.resume();
  await new Promise((r) => ended.on('end', r));
  const er = Readable.toWeb(ended).getReader();
  log(await er.read());
  const dw = new Writable({ write(c, e, cb) { cb(); } });
  dw.destroy();
  const dws = Writable.toWeb(dw);
  try { await dws.getWriter().write('x'); } catch (e) { log('closed writable', e.name, e.code, e.message); }
  log([Readable.toWeb.name, Readable.fromWeb.length, Writable.toWeb.length, Duplex.fromWeb.length]);
  orderingChecks();
})();

function orderingChecks() {
  // ordering of callbacks, ticks and microtasks
  const order = [];
  const nw = new Writable({ write(chunk, enc, cb) { order.push('sink ' + chunk); cb(); } });
  nw.on('finish', () => order.push('finish'));
  const w = Writable.toWeb(nw).getWriter();
  w.write('1').then(() => order.push('w1 resolved'));
  w.write('2').then(() => order.push('w2 resolved'));
  w.close().then(() => order.push('closed'));
  process.nextTick(() => order.push('tick'));
  Promise.resolve().then(() => order.push('micro'));
  setTimeout(() => {
    log(order);
    const o2 = [];
    const web = new WritableStream({ write(c) { o2.push('web ' + c); } });
    const fw = Writable.fromWeb(web, { decodeStrings: false });
    fw.write('a', () => o2.push('cb a'));
    fw.write('b', () => o2.push('cb b'));
    fw.end(() => o2.push('end cb'));
    fw.on('finish', () => o2.push('finish'));
    process.nextTick(() => o2.push('tick'));
    Promise.resolve().then(() => o2.push('micro'));
    setTimeout(() => {
      log(o2);
      const o3 = [];
      const rs = new ReadableStream({ pull(c) { o3.push('pull'); c.enqueue(o3.length); if (o3.length > 6) c.close(); } });
      const r = Readable.fromWeb(rs, { objectMode: true });
      r.on('data', (d) => o3.push('data ' + d));
      r.on('end', () => { o3.push('end'); log(o3); step4(); });
      process.nextTick(() => o3.push('tick'));
    }, 5);
  }, 5);
}
function step4() {
  const o4 = [];
  const r = new Readable({ read() {} });
  const rs = Readable.toWeb(r);
  const reader = rs.getReader();
  reader.read().then((v) => o4.push(['read1', Buffer.from(v.value).toString()]));
  r.push('x'); r.push('y');
  o4.push('pushed');
  reader.read().then((v) => o4.push(['read2', Buffer.from(v.value).toString()]));
  r.push(null);
  reader.read().then((v) => { o4.push(['read3', v.done]); log(o4); step5(); });
  process.nextTick(() => o4.push('tick'));
}
function step5() {
  const p = new PassThrough({ allowHalfOpen: true });
  p.end();
  const pair = Duplex.toWeb(p);
  log(Object.keys(pair));
  const notW = new Duplex({ writable: false, read() {} });
  const pr = Duplex.toWeb(notW);
  pr.writable.getWriter().write('x').catch((e) => log('not writable', e.code));
}
