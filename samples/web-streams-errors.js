// Web streams, Blob and the compression streams: Node's argument checks and error messages, export
// lists, inspect at depth -1, errors inside iteration, writes and tee, (de)compression round trips.
'use strict';
for (const f of [() => new ReadableStream(null), () => new TransformStream(null), () => new ReadableStream({}, 5), () => new WritableStream({}, null), () => new TransformStream({}, null, 3), () => new ReadableStream({pull: 0}), () => new WritableStream({write: 'x'}), () => new TransformStream({flush: 1}), () => new ReadableStream({cancel: {}}), () => new ReadableStream().values(null), () => new ReadableStream().values(3), () => new ReadableStream().getReader(3), () => new ReadableStream().getReader(null), () => new ReadableStream().pipeThrough(new TransformStream(), 3)]) {
  try { console.log('ok', f()); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(require('util').inspect(new Blob([]), { depth: -1 }), require('util').inspect(new CountQueuingStrategy({highWaterMark: 1}), { depth: -1 }));
{
console.log(Object.keys(require('buffer')));
console.log(Object.keys(require('stream/web')));
console.log(require('node:stream/web').TextDecoderStream === TextDecoderStream);
const r = new ReadableStream({ start(c) { c.enqueue(1); } });
console.log(require('util').inspect(r, { depth: -1 }), require('util').inspect({ a: { b: { c: r } } }));
console.log(Object.prototype.toString.call(new WritableStream().getWriter()), ReadableStream.name, ReadableStream.prototype.constructor === ReadableStream);
// bad receivers and bad input never crash
for (const f of [() => ReadableStream.prototype.tee.call(1), () => new ReadableStream({ pull: 5 }), () => new TransformStream(5),
  () => new WritableStream(null), () => new ReadableStream(undefined, null), () => ReadableStream.from(null), () => ReadableStream.from({ [Symbol.iterator]: () => 1 }),
  () => new TextDecoderStream('nope'), () => new CompressionStream('zip'), () => new Blob([], { type: 5 }).type, () => new File([], 'x', { lastModified: 'abc' }).lastModified,
  () => CountQueuingStrategy.prototype.size, () => Object.getOwnPropertyDescriptor(ReadableStream.prototype, 'locked').get.call({})]) {
  try { console.log('ok', f()); } catch (e) { console.log(e.name, e.code, e.message); }
}
(async () => {
  const s = ReadableStream.from({ async *[Symbol.asyncIterator]() { yield 1; throw new Error('gen fail'); } });
  try { for await (const x of s) console.log('x', x); } catch (e) { console.log('caught', e.message); }
  const ws = new WritableStream({ write(c) { if (c === 2) throw new Error('two'); } });
  const w = ws.getWriter();
  await w.write(1); await w.write(2).catch((e) => console.log('w2', e.message));
  console.log(ws, await w.closed.catch((e) => e.message));
  const [a, b] = ReadableStream.from([1, 2, 3]).tee();
  console.log(await Array.fromAsync(a), await Array.fromAsync(b));
  const ts = new TransformStream({ transform(c, k) { k.enqueue(c * 2); } }, new CountQueuingStrategy({ highWaterMark: 4 }), { highWaterMark: 2 });
  const tw = ts.writable.getWriter();
  console.log(tw.desiredSize); tw.write(1); console.log(tw.desiredSize);
  const enc = ReadableStream.from([new Uint8Array([0xe2, 0x82]), new Uint8Array([0xac])]).pipeThrough(new TextDecoderStream());
  console.log(await Array.fromAsync(enc));
  const zipped = ReadableStream.from([new TextEncoder().encode('hello hello hello')]).pipeThrough(new CompressionStream('gzip'));
  const chunks = await Array.fromAsync(zipped);
  console.log(chunks.map((c) => c.length));
  const back = await Array.fromAsync(ReadableStream.from(chunks).pipeThrough(new DecompressionStream('gzip')).pipeThrough(new TextDecoderStream()));
  console.log(back);
  const bad = ReadableStream.from([new Uint8Array([1, 2, 3])]).pipeThrough(new DecompressionStream('gzip'));
  try { await Array.fromAsync(bad); } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); }
})().catch((e) => console.log('top', e.message));
}
