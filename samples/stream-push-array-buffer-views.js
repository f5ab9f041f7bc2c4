// Node 24's Readable takes any ArrayBufferView as a chunk (a Buffer over the same bytes) and
// names TypedArray and DataView when refusing another value.
const { Readable } = require('stream');
for (const v of [new DataView(new ArrayBuffer(2)), new Float32Array([1]), new Uint16Array([258]), 5, {}]) {
  const r = new Readable({ read() {} });
  r.on('error', (e) => console.log('error', e.code, e.message));
  r.on('data', (d) => console.log('data', d));
  r.push(v);
  const r2 = new Readable({ read() {} });
  r2.on('error', (e) => console.log('unshift error', e.code, e.message));
  try { r2.unshift(v); console.log('unshift ok', r2.readableLength); } catch (e) { console.log('unshift threw', e.message); }
}
