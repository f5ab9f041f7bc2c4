// Binary data: ArrayBuffer, typed arrays, DataView, resizable buffers.

// A tiny binary file format: magic "JSG1", a version (uint16 BE), a count (uint32 LE), then
// `count` float32 samples (LE).
function encode(samples) {
  const buf = new ArrayBuffer(10 + samples.length * 4);
  const view = new DataView(buf);
  [..."JSG1"].forEach((c, i) => view.setUint8(i, c.charCodeAt(0)));
  view.setUint16(4, 0x0102);
  view.setUint32(6, samples.length, true);
  samples.forEach((s, i) => view.setFloat32(10 + i * 4, s, true));
  return new Uint8Array(buf);
}

function decode(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  const version = view.getUint16(4);
  const count = view.getUint32(6, true);
  const samples = [];
  for (let i = 0; i < count; i++) samples.push(view.getFloat32(10 + i * 4, true));
  return { magic, version: `${version >> 8}.${version & 0xff}`, count, samples };
}

const file = encode([1.5, -2.25, 3.1]);
console.log(file);
console.log(decode(file));
console.log(file.buffer);

// Reading a stream in chunks: concatenate Uint8Array chunks into one buffer.
const chunks = [new Uint8Array([72, 101]), new Uint8Array([108, 108, 111]), Uint8Array.of(33)];
const total = chunks.reduce((n, c) => n + c.length, 0);
const joined = new Uint8Array(total);
let offset = 0;
for (const c of chunks) {
  joined.set(c, offset);
  offset += c.length;
}
console.log(joined, String.fromCharCode(...joined));
console.log([...joined].map((b) => b.toString(16).padStart(2, "0")).join(" "));

// Views share memory with their buffer.
const shared = new ArrayBuffer(8);
const bytes = new Uint8Array(shared);
const words = new Uint16Array(shared);
const dwords = new Int32Array(shared, 4, 1);
words[0] = 0xabcd;
dwords[0] = -1;
console.log(bytes, words, dwords);
console.log(new Float64Array([Math.PI]), new Uint8Array(new Float64Array([Math.PI]).buffer));

// Conversions on store: wrapping, clamping, rounding, BigInt.
console.log(Uint8Array.of(256, 257, -1, 1.9), Int8Array.of(128, 255), Uint8ClampedArray.of(300, -5, 1.5, 2.5));
console.log(new Float32Array([0.1, 16777217]), new Float16Array([0.1, 65504, 65520, 1e-8]));
console.log(new BigInt64Array([2n ** 63n, -1n]), new BigUint64Array([-1n]));

// Typed array methods.
const nums = Float64Array.from([5, -1, NaN, 3, -0, 0, 10]);
console.log(nums.toSorted(), nums.toReversed(), nums.with(0, 42));
console.log(nums.filter((x) => x > 0), nums.map((x) => x * 2), nums.indexOf(3), nums.includes(NaN));
console.log(nums.slice(1, 3), nums.subarray(-2), nums.at(-1), nums.join(" | "));
console.log(new Int16Array([3, 1, 2]).sort((a, b) => b - a), new Uint8Array(5).fill(7, 1, 3));
console.log(Object.prototype.toString.call(nums), nums.BYTES_PER_ELEMENT, nums[Symbol.toStringTag]);
console.log(JSON.stringify({ data: new Uint8Array([1, 2]) }), Array.isArray(nums), ArrayBuffer.isView(nums));

// Resizable buffers and length-tracking views.
const rab = new ArrayBuffer(4, { maxByteLength: 16 });
const tracking = new Uint8Array(rab);
const fixed = new Uint8Array(rab, 0, 4);
console.log(rab.resizable, rab.maxByteLength, tracking.length, fixed.length);
rab.resize(8);
tracking.fill(1);
console.log(rab, tracking, fixed);
rab.resize(2);
console.log(tracking.length, fixed.length, fixed.byteLength, fixed);

// Transferring detaches the old buffer.
const old = new Uint8Array([9, 8, 7]).buffer;
const moved = old.transfer(5);
console.log(old.detached, old.byteLength, moved, old);

// Errors.
for (const f of [
  () => new Uint8Array(-1),
  () => new Uint16Array(new ArrayBuffer(3)),
  () => new DataView(new ArrayBuffer(2)).getUint32(0),
  () => new Uint8Array(2).set([1, 2, 3]),
  () => rab.resize(17),
  () => old.slice(0),
  () => new Uint8Array(old),
  () => new Float64Array(4).sort("desc"),
]) {
  try {
    f();
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
}
