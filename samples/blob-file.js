// Blob and File (globals and require('buffer') exports): construction from strings, bytes and
// other blobs, type normalization, slice, text/arrayBuffer/bytes, stream(), inspect, errors.
'use strict';
const buffer = require('buffer');
const b = new Blob(['héllo', new Uint8Array([33, 34]), new Blob(['xy'])], { type: 'Text/Plain' });
console.log(b, b.size, b.type, Object.prototype.toString.call(b));
console.log(b.slice(1, 4), b.slice(-3), b.slice(2, 1, 'A/B'), b.slice(-100, 100).size);
console.log(Object.getOwnPropertyNames(File.prototype));
const f = new File(['abc'], 'a.txt', { type: 'text/plain', lastModified: 42 });
console.log(f, f.name, f.lastModified, f instanceof Blob, typeof new File([], 'x').lastModified);
console.log(buffer.Blob === Blob, buffer.File === File, buffer.resolveObjectURL('blob:nodedata:x'));
for (const bad of [() => new Blob(1), () => new Blob('abc'), () => new File(['a']),
  () => new Blob([], 1), () => new Blob([], { endings: 'x' })]) {
  try { bad(); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(new Blob(['a\nb\r\nc\rd'], { endings: 'native' }).size, JSON.stringify(new Blob([], { type: 'a\u0100' }).type),
  new Blob([{}]).size, new Blob([new ArrayBuffer(4), new DataView(new ArrayBuffer(3))]).size);
(async () => {
  console.log(await b.text(), await b.arrayBuffer(), await b.bytes());
  const r = b.stream().getReader();
  let x;
  while (!(x = await r.read()).done) console.log(x.value);
  console.log(await f.text(), f.slice(1), await f.slice(1).text());
  console.log(await b.slice(2, 8).text(), await b.slice(6).bytes());
  const parts = [];
  for await (const chunk of new Blob(['one', 'two']).stream()) parts.push(chunk.length);
  console.log(parts);
  try { await Blob.prototype.text.call({}); } catch (e) { console.log(e.name, e.code, e.message); }
  try { Blob.prototype.size; } catch (e) { console.log(e.name, e.code, e.message); }
})().catch((e) => console.log('failed', e));
